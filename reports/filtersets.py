"""Filters for published reports, used by the API list."""

from django_filters import rest_framework as filters

import search
from duties.filtersets import DepartmentFilter, province_filter
from duties.models import Department
from reports.models import REPORT_YEAR_MAX, REPORT_YEAR_MIN, Report


class ReportFilterSet(filters.FilterSet):
    province = province_filter("department__jurisdiction")
    # A choice among the departments (as the duty lists' FilterSet): an id out of range is a 400, not an overflow.
    department = DepartmentFilter(queryset=Department.objects.all(), help_text="部门编号。")
    year = filters.NumberFilter(
        field_name="year", min_value=REPORT_YEAR_MIN, max_value=REPORT_YEAR_MAX, help_text="报告年度。"
    )
    on_time = filters.BooleanFilter(field_name="submitted_on_time", help_text="是否按时报送。")
    search = filters.CharFilter(
        method="filter_search", max_length=search.MAX_QUERY_LENGTH, help_text="关键词：部门名称与报告全文，简繁体均可。"
    )

    class Meta:
        model = Report
        fields = ["province", "department", "year", "on_time", "search"]

    def filter_search(self, queryset, name, value):
        return search.search(queryset, value)
