"""Every deadline of a province (or one department) in one year, with its status: /api/v1/calendar/."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, viewsets

from calendars import selectors
from calendars.api import serializers
from calendars.query import CalendarQuery


@extend_schema(parameters=[serializers.CalendarQuerySerializer])
class CalendarViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Every deadline falling in `year` for `province`'s departments (or `department` alone), oldest first."""

    serializer_class = serializers.DeadlineSerializer
    filter_backends = []

    def get_queryset(self):
        query = CalendarQuery(self.request.query_params)
        if not query.is_valid():
            raise exceptions.ValidationError({field: list(errors) for field, errors in query.errors.items()})
        return selectors.deadlines_for(years=[query.cleaned_data["year"]], **query.selection())
