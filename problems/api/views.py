"""Published problems (read-only, each list and record also a CSV file) and the routing any hotline can call.

Both hold to the API's contract (api/): only documented parameters, each once and never empty; errors
naming their parameter. Neither ever reads the reporter's name, contact, place or words (selectors).
"""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, viewsets
from rest_framework.response import Response

from api.parameters import DocumentedParametersOnly
from duties.models import Jurisdiction
from problems import routing, selectors
from problems.api import examples, serializers
from problems.filtersets import ProblemFilterSet

PROBLEM_NUMBER = r"[0-9]{4}-[0-9]{6,}"
NUMBER_PARAMETER = OpenApiParameter(
    "number",
    {"type": "string", "pattern": f"^{PROBLEM_NUMBER}$", "example": "2026-000001"},
    OpenApiParameter.PATH,
    description="问题编号：年份-序号，如 2026-000001。",
)


@extend_schema_view(
    retrieve=extend_schema(parameters=[NUMBER_PARAMETER], examples=[examples.PROBLEM_DETAIL]),
)
class ProblemViewSet(DocumentedParametersOnly, viewsets.ReadOnlyModelViewSet):
    """Published problems with their public steps, newest first; the reporter's identity and contact never appear."""

    filterset_class = ProblemFilterSet
    lookup_field = "number"
    lookup_value_regex = PROBLEM_NUMBER
    lookup_description = gettext_lazy("编号")

    def get_serializer_class(self):
        return serializers.ProblemDetailSerializer if self.action == "retrieve" else serializers.ProblemSerializer

    def get_queryset(self):
        queryset = selectors.public_problems()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(Prefetch("events", queryset=selectors.public_events()))
        return queryset


class RoutingViewSet(DocumentedParametersOnly, viewsets.GenericViewSet):
    """The lead departments the duty lists in force give for a problem described by `text` in `jurisdiction`,
    best first, each with the duty items that justify it; a county or city without a list walks up.
    As CSV (`routing.csv`), one row per proposed department."""

    filter_backends = []
    pagination_class = None
    serializer_class = serializers.RoutingSerializer
    action_parameters = {"route": ("jurisdiction", "text")}

    @extend_schema(
        parameters=[serializers.RoutingQuerySerializer],
        responses=serializers.RoutingSerializer,
        examples=[examples.ROUTING],
    )
    def route(self, request, *args, **kwargs):
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
