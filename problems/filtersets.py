"""The filters of the problem lists, shared by the public pages, the API and the CSV export.

They are the duty lists' filters (duties.filtersets): a jurisdiction by code or pinyin, a department by its
id, a year and a flag in their strict forms, a search of at most 100 characters, so that a page and an
endpoint read the same query string the same way and a malformed value is a 400 naming its parameter.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from duties.filtersets import (
    BooleanFilter,
    DepartmentFilter,
    JurisdictionFilter,
    SearchFilter,
    WholeNumberFilter,
    filter_in_province,
)
from duties.models import Department, Jurisdiction
from problems.models import Problem

YEARS = (2000, 2100)


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
    status = django_filters.ChoiceFilter(label=_("状态"), choices=Problem.Status.choices, help_text=_("办理状态。"))
    category = django_filters.ChoiceFilter(label=_("类别"), choices=Problem.Category.choices, help_text=_("问题类别。"))
    source = django_filters.ChoiceFilter(label=_("来源"), choices=Problem.Source.choices, help_text=_("问题从哪里来。"))
    year = WholeNumberFilter(
        label=_("年份"),
        field_name="received_at__year",
        min_value=YEARS[0],
        max_value=YEARS[1],
        help_text=_("收到的年份（北京时间），如 2026。"),
    )
    overdue = BooleanFilter(
        label=_("已逾期"), method="filter_overdue", help_text=_("true：当前步骤已超过期限；false：未超过。")
    )
    search = SearchFilter(label=_("关键词"), help_text=_("公开的问题描述包含的词，简繁体均可。"))

    class Meta:
        model = Problem
        fields = ["jurisdiction", "department", "status", "category", "source", "year", "overdue", "search"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = Problem.objects.overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)
