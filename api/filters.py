"""Ordering that leaves a search's best-first order alone unless `?ordering=` asks for another."""

from rest_framework import filters

import search


class SearchAwareOrderingFilter(filters.OrderingFilter):
    """`?ordering=` when asked for; otherwise a `search` keeps its best-first order."""

    def filter_queryset(self, request, queryset, view):
        if self.ordering_param not in request.query_params and search.RANK in queryset.query.annotations:
            return queryset
        return super().filter_queryset(request, queryset, view)
