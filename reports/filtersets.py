"""Filters for published reports (the API list and the search page), and the compliance board's query."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from duties.filtersets import (
    BooleanFilter,
    DepartmentFilter,
    JurisdictionField,
    SearchFilter,
    WholeNumberField,
    WholeNumberFilter,
    province_filter,
)
from duties.models import Department, Jurisdiction
from reports.models import REPORT_YEAR_MAX, REPORT_YEAR_MIN, Report

COMPLIANCE_YEARS = (REPORT_YEAR_MIN, REPORT_YEAR_MAX)  # any plausible year: before the rule it is not_applicable
NOT_A_PROVINCE = _("%(name)s不是省级行政区：报送情况按省查看。")


class ReportFilterSet(filters.FilterSet):
    # The duty lists' province filter: code or slug, any case, the province's cities and counties included.
    province = province_filter("department__jurisdiction")
    # A choice among the departments (as the duty lists' FilterSet): an id out of range is a 400, not an overflow.
    department = DepartmentFilter(queryset=Department.objects.all(), help_text=_("部门编号。"))
    year = WholeNumberFilter(
        field_name="year", min_value=REPORT_YEAR_MIN, max_value=REPORT_YEAR_MAX, help_text=_("报告年度。")
    )
    on_time = BooleanFilter(field_name="submitted_on_time", help_text=_("是否按时报送：true 或 false。"))
    search = SearchFilter(help_text=_("关键词：部门名称与报告全文，简繁体均可。"))

    class Meta:
        model = Report
        fields = ["province", "department", "year", "on_time", "search"]


class ComplianceQuery(forms.Form):
    """Which province's board, for the report on which year: both required."""

    province = JurisdictionField(
        queryset=Jurisdiction.objects.all(), help_text=_("省级行政区代码（如 360000）或拼音标识（如 jiangxi）。")
    )
    year = WholeNumberField(
        min_value=COMPLIANCE_YEARS[0], max_value=COMPLIANCE_YEARS[1], help_text=_("报告年度（截止日期在次年）。")
    )

    def clean_province(self):
        province = self.cleaned_data["province"]
        if province.parent_id is not None:
            raise forms.ValidationError(NOT_A_PROVINCE, params={"name": province.name})
        return province
