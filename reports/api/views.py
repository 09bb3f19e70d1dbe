"""Read-only report endpoints: published reports, and who filed on time (compliance)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, mixins, viewsets

from api.parameters import DocumentedParametersOnly
from duties.filtersets import JURISDICTION_SCHEMA
from reports import rules, selectors
from reports.api import serializers
from reports.filtersets import COMPLIANCE_YEARS, ComplianceQuery, ReportFilterSet

NO_ANNUAL_RULE = "%(province)s的文件没有规定年度专题报告，无从判断是否按时报送。"


class ReportViewSet(DocumentedParametersOnly, viewsets.ReadOnlyModelViewSet):
    """Published annual reports with their entries, sections and revision history. Drafts never appear."""

    serializer_class = serializers.ReportSerializer
    filterset_class = ReportFilterSet

    def get_queryset(self):
        return selectors.report_detail().published().order_by("-published_at", "-pk")


def _compliance_parameters():
    fields = ComplianceQuery.base_fields
    year = {"type": "integer", "minimum": COMPLIANCE_YEARS[0], "maximum": COMPLIANCE_YEARS[1]}
    return [
        OpenApiParameter("province", JURISDICTION_SCHEMA, required=True, description=str(fields["province"].help_text)),
        OpenApiParameter("year", year, required=True, description=str(fields["year"].help_text)),
    ]


@extend_schema(parameters=_compliance_parameters())
class ComplianceViewSet(DocumentedParametersOnly, mixins.ListModelMixin, viewsets.GenericViewSet):
    """One row per department bearing important duties in `province`, for the report on `year`, filed or not."""

    serializer_class = serializers.ComplianceRowSerializer
    filter_backends = []
    action_parameters = {"list": ("province", "year")}

    def get_queryset(self):
        query = ComplianceQuery(self.request.query_params)
        if not query.is_valid():
            raise exceptions.ValidationError({name: list(errors) for name, errors in query.errors.items()})
        province = query.cleaned_data["province"]
        rule = rules.annual_rule_for(province)
        if rule is None:
            raise exceptions.ValidationError({"province": [_(NO_ANNUAL_RULE) % {"province": province.name}]})
        return selectors.compliance_rows(province, query.cleaned_data["year"], rule=rule)
