"""Every deadline of a province (or one department) in one year, with its status: /api/v1/calendar/."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, viewsets

from api.parameters import DocumentedParametersOnly
from calendars import selectors
from calendars.api import serializers
from calendars.query import CalendarQuery

PROVINCE_REQUIRED = "请用 province 指明省份（代码或拼音）；只看一个部门时再加 department。"


@extend_schema(parameters=[serializers.CalendarQuerySerializer])
class CalendarViewSet(DocumentedParametersOnly, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Every deadline falling in `year` for `province`'s departments (or `department` alone), oldest first."""

    serializer_class = serializers.DeadlineSerializer
    filter_backends = []
    action_parameters = {"list": ("province", "department", "year", "kind", "status")}

    def get_queryset(self):
        if not self.request.query_params.get("province"):
            # The API always names the province (a department's calendar is within it); the page may not.
            raise exceptions.ValidationError({"province": [PROVINCE_REQUIRED]})
        query = CalendarQuery(self.request.query_params)
        if not query.is_valid():
            raise exceptions.ValidationError({field: list(errors) for field, errors in query.errors.items()})
        return selectors.deadlines_for(years=[query.cleaned_data["year"]], **query.selection())
