"""Ordering by one documented field, which leaves a search's best-first order alone unless `?ordering=` asks."""

from django.utils.translation import gettext as _
from rest_framework import exceptions, filters

import search

UNKNOWN_ORDERING = "不能按“%(value)s”排序；可用的值：%(choices)s（前加 - 为倒序）。"
VALUE_SHOWN = 40


class SearchAwareOrderingFilter(filters.OrderingFilter):
    """`?ordering=<field>` or `-<field>`, one of the view's `ordering_fields`; an unknown one is a 400.

    Without it a `search` keeps its best-first order and any other list the view's `ordering`.
    """

    def choices(self, view) -> list[str]:
        return [choice for field in view.ordering_fields for choice in (field, f"-{field}")]

    def get_ordering(self, request, queryset, view):
        value = request.query_params.get(self.ordering_param)
        if value is None:
            return self.get_default_ordering(view)
        choices = self.choices(view)
        if value not in choices:
            message = _(UNKNOWN_ORDERING) % {"value": value[:VALUE_SHOWN], "choices": "、".join(choices)}
            raise exceptions.ValidationError({self.ordering_param: [message]})
        return [value]

    def filter_queryset(self, request, queryset, view):
        if self.ordering_param not in request.query_params and search.RANK in queryset.query.annotations:
            return queryset
        return super().filter_queryset(request, queryset, view)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": _("排序字段，前加 - 为倒序；缺省时按清单顺序（搜索时按相关程度）。"),
                "schema": {"type": "string", "enum": self.choices(view)},
            }
        ]
