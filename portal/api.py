"""Machinery every API endpoint shares: pagination, CSV export, throttling, JSON errors.

- Lists use DRF's envelope (`count`, `next`, `previous`, `results`), 50 rows a page,
  `page_size` up to 200. A page past the end is a 404 naming the `page` parameter.
- `?format=csv` answers the whole filtered list as one CSV file (UTF-8 with BOM, so
  that Excel reads Chinese), up to EXPORT_LIMIT rows; `?format=json` the same as JSON (one envelope
  holding every row).
- Anonymous clients are throttled at API_ANON_THROTTLE_RATE (settings, from the
  environment); a 429 carries Retry-After.
- Errors are JSON naming what was wrong: a filter's parameter, the `page`, the `id`.
- ETags come from Django's ConditionalGetMiddleware: a repeated GET gets 304.
"""

import csv
import io

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, filters, pagination, renderers, throttling
from rest_framework.response import Response
from rest_framework.views import exception_handler

from duties import search

EXPORT_LIMIT = 20_000
EXPORT_FORMATS = {"csv", "json"}
INVALID_PAGE = "没有第 %(page)s 页：共 %(pages)s 页。"
EXPORT_TOO_LARGE = "导出最多 %(limit)s 行，当前筛选结果有 %(count)s 行：请加筛选条件（如 province）。"


def is_export(request):
    return request.query_params.get("format") in EXPORT_FORMATS


class SearchAwareOrderingFilter(filters.OrderingFilter):
    """`?ordering=` when asked for; otherwise a `search` keeps its best-first order."""

    def filter_queryset(self, request, queryset, view):
        if self.ordering_param not in request.query_params and search.RANK in queryset.query.annotations:
            return queryset
        return super().filter_queryset(request, queryset, view)


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
            count = queryset.count()
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


def flatten(value, prefix=""):
    """One CSV row from a serialised object: nested objects become dotted columns, lists of
    departments or duties a "；"-separated list of their names."""
    row = {}
    for key, item in value.items():
        column = f"{prefix}{key}"
        if isinstance(item, dict):
            row.update(flatten(item, f"{column}."))
        elif isinstance(item, list):
            row[column] = "；".join(_label(entry) if isinstance(entry, dict) else str(entry) for entry in item)
        else:
            row[column] = "" if item is None else item
    return row


def _label(entry: dict) -> str:
    """A nested object in one cell: its name or text, or for an edition's change its kind and duty."""
    if "kind" in entry and "lineage" in entry:
        return f"{entry['kind']} {entry['lineage']}"
    return str(entry.get("name") or entry.get("text") or entry.get("id"))


class CSVRenderer(renderers.BaseRenderer):
    """Write a list (or one object) as CSV, UTF-8 with a BOM so that Excel opens Chinese text correctly."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict) and "results" in data:
            data = data["results"]
        rows = [flatten(item) for item in (data if isinstance(data, list) else [data])]
        columns = list(dict.fromkeys(column for row in rows for column in row))
        output = io.StringIO()
        output.write("\ufeff")
        writer = csv.DictWriter(output, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        response = renderer_context and renderer_context.get("response")
        view = renderer_context and renderer_context.get("view")
        if response is not None and response.status_code == 200 and view is not None:
            name = getattr(view, "basename", None) or "export"
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return output.getvalue().encode("utf-8")


class AnonymousThrottle(throttling.AnonRateThrottle):
    """Throttle anonymous clients at settings.API_ANON_THROTTLE_RATE, read on every request."""

    def get_rate(self):
        return getattr(settings, "API_ANON_THROTTLE_RATE", None)


def api_exception_handler(exc, context):
    if isinstance(exc, Http404) and context.get("view") is not None and "pk" in context["view"].kwargs:
        exc = exceptions.NotFound({"id": [_("没有编号为“%(id)s”的记录。") % {"id": context["view"].kwargs["pk"]}]})
    response = exception_handler(exc, context)
    if response is not None and context.get("request") is not None:
        # Errors are JSON even when a CSV export was asked for: a spreadsheet of an error helps nobody.
        context["request"].accepted_renderer = renderers.JSONRenderer()
        context["request"].accepted_media_type = "application/json"
    if response is not None and isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        response.data = {"detail": _("请求过于频繁，请在 %(seconds)d 秒后重试。") % {"seconds": exc.wait}}
    return response


PARAMETER_ERRORS = {
    "type": "object",
    "description": "出错的参数（如 province、page、id）及其错误信息。",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "minProperties": 1,
}
DETAIL = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}


def _json(description, schema, **extra):
    return {"description": description, "content": {"application/json": {"schema": schema}}, **extra}


def document_error_responses(result, generator, request, public):
    """drf-spectacular hook: every operation documents the errors a client can get."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["ParameterErrors"] = PARAMETER_ERRORS
    schemas["Detail"] = DETAIL
    parameter_errors = {"$ref": "#/components/schemas/ParameterErrors"}
    detail = {"$ref": "#/components/schemas/Detail"}
    retry_after = {"Retry-After": {"schema": {"type": "integer"}, "description": "重试前应等待的秒数。"}}
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if "{" not in path:
                responses.setdefault("400", _json("筛选参数的值无效：按参数名给出错误。", parameter_errors))
            responses.setdefault("404", _json("没有这条记录或这一页。", {"oneOf": [parameter_errors, detail]}))
            responses.setdefault("429", _json("请求过于频繁。", detail, headers=retry_after))
            responses.setdefault("503", _json("数据库暂时无法访问。", detail, headers=retry_after))
    return result
