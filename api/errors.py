"""JSON errors in Chinese naming what was wrong, and the schema hook that documents them on every operation.

A client's mistake answers `{"<parameter>": ["…"]}` (ParameterErrors): 400 for a query parameter's value,
404 for a record (`id`, `code`), a page (`page`) or an address (`path`) that does not exist, 406 for a
`format` or `Accept` the endpoint cannot answer. What no parameter causes answers `{"detail": "…"}`:
405 (a write method), 429 (too many requests), 503 (the database is away).
"""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, renderers
from rest_framework.views import exception_handler

RECORD_NOT_FOUND = "没有%(lookup)s为“%(value)s”的%(record)s。"
METHOD_NOT_ALLOWED = "本接口只读：不接受 %(method)s 请求，只接受 GET。"
THROTTLED = "请求过于频繁，请在 %(seconds)d 秒后重试。"
REQUEST_REFUSED = "请求无法处理。"
VALUE_SHOWN = 60


def not_found_in(view) -> exceptions.NotFound:
    """The 404 for a record the URL names: `{"id": […]}` or `{"code": […]}`, with what kind of record it is."""
    kwarg = view.lookup_url_kwarg or view.lookup_field
    parameter = "id" if kwarg == "pk" else kwarg
    value = str(view.kwargs.get(kwarg, ""))[:VALUE_SHOWN]
    lookup = getattr(view, "lookup_description", None) or _("编号")
    record = view.get_queryset().model._meta.verbose_name
    return exceptions.NotFound(
        {parameter: [_(RECORD_NOT_FOUND) % {"lookup": lookup, "value": value, "record": record}]}
    )


def _named(exc, view):
    """The exception as the API answers it: every message in Chinese, naming what it is about."""
    if isinstance(exc, Http404 | exceptions.NotFound) and not isinstance(getattr(exc, "detail", None), dict):
        if view is not None and getattr(view, "detail", False):
            return not_found_in(view)
    if isinstance(exc, exceptions.MethodNotAllowed):
        method = view.request.method if view is not None else ""
        return exceptions.MethodNotAllowed(method, detail=_(METHOD_NOT_ALLOWED) % {"method": method})
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        exc.detail = _(THROTTLED) % {"seconds": exc.wait}
    return exc


def api_exception_handler(exc, context):
    view = context.get("view")
    response = exception_handler(_named(exc, view), context)
    if response is None:
        return None
    if isinstance(response.data, dict) and isinstance(response.data.get("detail"), str) and response.status_code < 405:
        # A client error names its parameter; one that names none still answers in the same shape.
        response.data = {"detail": [str(response.data["detail"]) or _(REQUEST_REFUSED)]}
    if context.get("request") is not None:
        # Errors are JSON even when a CSV export was asked for: a spreadsheet of an error helps nobody.
        context["request"].accepted_renderer = renderers.JSONRenderer()
        context["request"].accepted_media_type = "application/json"
    return response


PARAMETER_ERRORS = {
    "type": "object",
    "description": "出错的参数（如 province、page、id、format）及其错误信息。",
    "additionalProperties": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    "minProperties": 1,
}
DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string", "description": "错误信息。"}},
    "required": ["detail"],
}


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
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses.setdefault("400", _json("参数无效、未知、重复或为空：按参数名给出错误。", parameter_errors))
            responses.setdefault("404", _json("没有这条记录、这一页或这个地址：按参数名给出。", parameter_errors))
            responses.setdefault("406", _json("没有所要的格式（format 或 Accept 头）。", parameter_errors))
            responses.setdefault("429", _json("请求过于频繁。", detail, headers=retry_after))
            responses.setdefault("503", _json("数据库暂时无法访问。", detail, headers=retry_after))
    return result
