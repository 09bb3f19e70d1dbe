"""Pages of 50 (up to 200) in DRF's envelope, with a capped count for searches; `?format=csv|json` exports."""

from rest_framework import exceptions, pagination
from rest_framework.response import Response

import search

EXPORT_LIMIT = 20_000
EXPORT_FORMATS = {"csv", "json"}
INVALID_PAGE = "没有第 %(page)s 页：共 %(pages)s 页。"
EXPORT_TOO_LARGE = "导出最多 %(limit)s 行，当前筛选结果有 %(count)s 行：请加筛选条件（如 province）。"


def is_export(request):
    return request.query_params.get("format") in EXPORT_FORMATS


class PortalPagination(pagination.PageNumberPagination):
    """Pages of 50 (up to 200); an export (`?format=csv|json`) gets every row at once, in one envelope.

    A `search` counts its matches up to settings.SEARCH_COUNT_CAP: beyond it `count` is the cap and
    `count_capped` is true (narrow the search, or export, to see them all).
    """

    django_paginator_class = search.SearchAwarePaginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        self.export = is_export(request)
        if self.export:
            # Some endpoints list rows computed in Python (compliance, calendar), not a queryset.
            count = len(queryset) if isinstance(queryset, list) else queryset.count()
            if count > EXPORT_LIMIT:
                raise exceptions.ValidationError(
                    {"format": [EXPORT_TOO_LARGE % {"limit": EXPORT_LIMIT, "count": count}]}
                )
            return list(queryset)
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound:
            pages = self.django_paginator_class(queryset, self.get_page_size(request)).num_pages
            raise exceptions.NotFound(
                {"page": [INVALID_PAGE % {"page": request.query_params.get(self.page_query_param), "pages": pages}]}
            ) from None

    def get_paginated_response(self, data):
        if self.export:
            # The same envelope as a page, so that the export matches the documented schema.
            return Response(
                {"count": len(data), "count_capped": False, "next": None, "previous": None, "results": data}
            )
        response = super().get_paginated_response(data)
        response.data = {"count_capped": self.page.paginator.capped, **response.data}
        response.data = {key: response.data[key] for key in ["count", "count_capped", "next", "previous", "results"]}
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"] = {
            "count": schema["properties"]["count"],
            "count_capped": {
                "type": "boolean",
                "description": "true：结果超过上限（settings.SEARCH_COUNT_CAP），count 为上限值，仅前若干页可翻。",
            },
            **{key: value for key, value in schema["properties"].items() if key != "count"},
        }
        schema["required"] = [*schema.get("required", []), "count_capped"]
        return schema
