"""Read-only report endpoints: published reports, and who filed on time (compliance)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, viewsets

from duties.models import Jurisdiction
from reports import rules, selectors
from reports.api import serializers
from reports.filtersets import ReportFilterSet

NO_ANNUAL_RULE = "%(province)s的文件没有规定年度专题报告，无从判断是否按时报送。"


class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    """Published annual reports with their entries, sections and revision history. Drafts never appear."""

    serializer_class = serializers.ReportSerializer
    filterset_class = ReportFilterSet

    def get_queryset(self):
        return selectors.report_detail().published().order_by("-published_at", "-pk")


@extend_schema(parameters=[serializers.ComplianceQuerySerializer])
class ComplianceViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """One row per department bearing important duties in `province`, for the report on `year`, filed or not."""

    serializer_class = serializers.ComplianceRowSerializer
    filter_backends = []

    def get_queryset(self):
        query = serializers.ComplianceQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        try:
            province = Jurisdiction.objects.provinces().get_named(query.validated_data["province"])
        except DjangoValidationError as error:
            raise exceptions.ValidationError({"province": error.messages}) from None
        rule = rules.annual_rule_for(province)
        if rule is None:
            raise exceptions.ValidationError({"province": [_(NO_ANNUAL_RULE) % {"province": province.name}]})
        return selectors.compliance_rows(province, query.validated_data["year"], rule=rule)
