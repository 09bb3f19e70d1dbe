"""Published problems (read-only, CSV export) and the routing any hotline can call."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from duties.models import Jurisdiction
from problems import routing, selectors
from problems.api import serializers
from problems.filtersets import ProblemFilterSet


class ProblemViewSet(viewsets.ReadOnlyModelViewSet):
    """Published problems with their public steps; the reporter's identity and contact never appear."""

    filterset_class = ProblemFilterSet
    lookup_field = "number"
    lookup_value_regex = r"[0-9]{4}-[0-9]{6,}"

    def get_serializer_class(self):
        return serializers.ProblemDetailSerializer if self.action == "retrieve" else serializers.ProblemSerializer

    def get_queryset(self):
        queryset = selectors.public_problems()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(Prefetch("events", queryset=selectors.public_events()))
        return queryset


class RoutingView(APIView):
    """The lead departments the duty lists in force give for a problem described by `text` in `jurisdiction`,
    best first, each with the duty items that justify it; a county or city without a list walks up."""

    @extend_schema(parameters=[serializers.RoutingQuerySerializer], responses=serializers.RoutingSerializer)
    def get(self, request):
        query = serializers.RoutingQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        try:
            jurisdiction = Jurisdiction.objects.select_related("parent__parent").get_named(
                query.validated_data["jurisdiction"]
            )
        except ValidationError as error:
            raise exceptions.ValidationError({"jurisdiction": error.messages}) from None
        result = routing.route(jurisdiction, query.validated_data["text"])
        return Response(serializers.RoutingSerializer(result).data)
