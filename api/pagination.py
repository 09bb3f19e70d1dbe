"""Pages of 50 (up to 200) in DRF's envelope, with a capped count for searches; `?format=csv|json` exports."""

from django.utils.translation import gettext as _
from rest_framework import exceptions, pagination
from rest_framework.response import Response

import search
from api.parameters import MAX_WHOLE_NUMBER, is_whole_number

EXPORT_LIMIT = 20_000
EXPORT_FORMATS = {"csv", "json"}
INVALID_PAGE = "没有第 %(page)s 页：共 %(pages)s 页。"
PAGE_NOT_A_NUMBER = "页码应为从 1 起的整数，只含数字 0–9。"
PAGE_SIZE_OUT_OF_RANGE = "每页行数应为 1 到 %(max)s 之间的整数，只含数字 0–9。"
EXPORT_TOO_LARGE = "导出最多 %(limit)s 行，当前筛选结果有 %(count)s 行：请加筛选条件（如 province）。"


def is_export(request):
    return getattr(request, "accepted_renderer", None) is not None and (
        request.accepted_renderer.format == "csv" or request.query_params.get("format") in EXPORT_FORMATS
    )


class PortalPagination(pagination.PageNumberPagination):
    """Pages of 50 (up to 200); an export (`?format=csv|json`, `….csv`) gets every row at once, in one envelope.

    `page` and `page_size` are whole numbers (`page` from 1, `page_size` from 1 to 200); anything else is
    a 400 naming the parameter, and a page past the end a 404 naming it. An export reads neither.
    A `search` counts its matches up to settings.SEARCH_COUNT_CAP: beyond it `count` is the cap and
    `count_capped` is true (narrow the search, or export, to see them all).
    """

    django_paginator_class = search.SearchAwarePaginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        # Checked even when exporting, which reads neither: a malformed value is an error wherever it is sent.
        page, page_size = self.get_page_number(request, None), self.get_page_size(request)
        self.export = is_export(request)
        if self.export:
            rows = queryset if isinstance(queryset, list) else list(queryset[: EXPORT_LIMIT + 1])
            if len(rows) > EXPORT_LIMIT:
                count = len(queryset) if isinstance(queryset, list) else queryset.count()
                raise exceptions.ValidationError(
                    {"format": [_(EXPORT_TOO_LARGE) % {"limit": EXPORT_LIMIT, "count": count}]}
                )
            return rows
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound:
            pages = self.django_paginator_class(queryset, page_size).num_pages
            raise exceptions.NotFound(
                {self.page_query_param: [_(INVALID_PAGE) % {"page": page, "pages": pages}]}
            ) from None

    def get_page_number(self, request, paginator):
        value = request.query_params.get(self.page_query_param)
        if value is None:
            return 1
        if not is_whole_number(value) or int(value) < 1:
            raise exceptions.ValidationError({self.page_query_param: [_(PAGE_NOT_A_NUMBER)]})
        return int(value)

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not is_whole_number(value) or not 1 <= int(value) <= self.max_page_size:
            raise exceptions.ValidationError(
                {self.page_size_query_param: [_(PAGE_SIZE_OUT_OF_RANGE) % {"max": self.max_page_size}]}
            )
        return int(value)

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

    def get_schema_operation_parameters(self, view):
        page, page_size = super().get_schema_operation_parameters(view)
        page.update(
            description=_("页码，从 1 起；超过末页时 404。导出（format=csv、json）时不分页，忽略此参数。"),
            schema={"type": "integer", "minimum": 1, "maximum": MAX_WHOLE_NUMBER},
        )
        page_size.update(
            description=_("每页行数，1 到 %(max)s，缺省 %(default)s。导出时忽略。")
            % {"max": self.max_page_size, "default": self.page_size},
            schema={"type": "integer", "minimum": 1, "maximum": self.max_page_size},
        )
        return [page, page_size]

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        link = _("下一页或上一页的完整地址；没有时为 null。")
        schema["properties"] = {
            "count": {"type": "integer", "minimum": 0, "description": _("符合条件的行数（搜索时最多计到上限）。")},
            "count_capped": {
                "type": "boolean",
                "description": _("true：结果超过上限（settings.SEARCH_COUNT_CAP），count 为上限值，仅前若干页可翻。"),
            },
            "next": {**schema["properties"]["next"], "description": link},
            "previous": {**schema["properties"]["previous"], "description": link},
            "results": {**schema["properties"]["results"], "description": _("本页的行；导出时为全部行。")},
        }
        for name in ("next", "previous"):
            schema["properties"][name].pop("example", None)
        schema["required"] = ["count", "count_capped", "next", "previous", "results"]
        return schema
