"""Filters for published reports, used by the API list."""

from django.db.models import Q
from django_filters import rest_framework as filters

import search
from duties.filtersets import DepartmentFilter
from duties.models import Department
from reports.models import Report


class ReportFilterSet(filters.FilterSet):
    province = filters.CharFilter(method="filter_province", help_text="省级行政区代码或拼音标识。")
    # A choice among the departments (as the duty lists' FilterSet): an id out of range is a 400, not an overflow.
    department = DepartmentFilter(queryset=Department.objects.all(), help_text="部门编号。")
    year = filters.NumberFilter(field_name="year", min_value=1, max_value=9999, help_text="报告年度。")
    on_time = filters.BooleanFilter(field_name="submitted_on_time", help_text="是否按时报送。")
    search = filters.CharFilter(
        method="filter_search", max_length=search.MAX_QUERY_LENGTH, help_text="关键词：部门名称与报告全文，简繁体均可。"
    )

    class Meta:
        model = Report
        fields = ["province", "department", "year", "on_time", "search"]

    def filter_search(self, queryset, name, value):
        return search.search(queryset, value)

    def filter_province(self, queryset, name, value):
        return queryset.filter(Q(department__jurisdiction__code=value) | Q(department__jurisdiction__slug=value))
