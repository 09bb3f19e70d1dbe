"""JSON errors naming what was wrong, and the schema hook that documents them on every operation."""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, renderers
from rest_framework.views import exception_handler


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
