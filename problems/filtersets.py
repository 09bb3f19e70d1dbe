"""The filters of the problem lists, shared by the public pages, the API and the CSV export."""

import django_filters
from django.utils.translation import gettext_lazy as _

import search
from duties.filtersets import DepartmentFilter, JurisdictionFilter, filter_in_province
from duties.models import Department, Jurisdiction
from problems.models import Problem


def _in_jurisdiction(queryset, name, value):
    """A province includes its cities and counties; a city its counties; a county itself."""
    if value is None:
        return queryset
    if value.level == Jurisdiction.Level.PREFECTURE:
        return queryset.filter(jurisdiction__in=[value.pk, *value.children.values_list("pk", flat=True)])
    return filter_in_province(queryset, "jurisdiction", value)


class ProblemFilterSet(django_filters.FilterSet):
    jurisdiction = JurisdictionFilter(
        label=_("行政区"),
        queryset=Jurisdiction.objects.all(),
        method=_in_jurisdiction,
        help_text=_("行政区划代码或省份拼音；含其下各市县。"),
    )
    department = DepartmentFilter(label=_("承办部门"), queryset=Department.objects.all(), help_text=_("部门编号。"))
    status = django_filters.ChoiceFilter(label=_("状态"), choices=Problem.Status.choices)
    category = django_filters.ChoiceFilter(label=_("类别"), choices=Problem.Category.choices)
    source = django_filters.ChoiceFilter(label=_("来源"), choices=Problem.Source.choices)
    year = django_filters.NumberFilter(
        label=_("年份"), field_name="received_at__year", min_value=2000, max_value=2100, help_text=_("收到的年份。")
    )
    overdue = django_filters.BooleanFilter(
        label=_("已逾期"), method="filter_overdue", help_text=_("当前步骤已超过期限。")
    )
    search = django_filters.CharFilter(
        label=_("关键词"), method="filter_search", max_length=search.MAX_QUERY_LENGTH, help_text=_("公开的问题描述。")
    )

    class Meta:
        model = Problem
        fields = ["jurisdiction", "department", "status", "category", "source", "year", "overdue", "search"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = Problem.objects.overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)

    def filter_search(self, queryset, name, value):
        return search.search(queryset, value)
