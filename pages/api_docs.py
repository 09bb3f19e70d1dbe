"""The API's documentation as a page of the portal: every operation of the OpenAPI schema, in Chinese.

Rendered on the server from the schema drf-spectacular generates for /api/schema/, so it is always the
same contract, readable without JavaScript, in the portal's layout (关怀版, print, the footer) and
accessible, which Swagger UI's page was not (low contrast, buttons within buttons, English labels).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator

CJK = re.compile(r"[\u4e00-\u9fff]")
# The schema's tags, as the portal names them.
TAG_NAMES = {
    "provinces": _("省份"),
    "departments": _("部门"),
    "duties": _("具体事项"),
    "documents": _("政策文件"),
    "editions": _("清单版本"),
    "sectors": _("职能领域"),
    "lead-departments": _("牵头部门"),
    "requirements": _("工作要求"),
    "list-publication": _("清单公开情况"),
    "reports": _("年度专题报告"),
    "compliance": _("按时报送情况"),
    "calendar": _("截止日期"),
    "problems": _("生态环境问题"),
    "routing": _("问题分派"),
    "open311": _("Open311 GeoReport v2"),
}
LOCATIONS = {"query": _("查询参数"), "path": _("路径参数"), "header": _("请求头")}
KINDS = {"list": _("列表"), "retrieve": _("单条记录"), "csv": _("CSV 文件")}
TYPES = {"integer": _("整数"), "string": _("文本"), "boolean": _("是或否"), "number": _("数字"), "array": _("列表")}


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    kind: str
    choices: list
    description: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    anchor: str
    kind: str
    description: str
    parameters: list
    responses: list  # (status code, description, media types)

    @property
    def description_language(self) -> str:
        """Some operations are described in English in their code: say so, for screen readers' voices."""
        return "zh-CN" if CJK.search(self.description) else "en"

    @property
    def example_url(self) -> str:
        """A GET without parameters of its own the reader can open as it is."""
        required = any(parameter.required for parameter in self.parameters)
        return self.path if self.method == "GET" and "{" not in self.path and not required else ""


def _type(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    name = str(TYPES.get(schema.get("type", ""), schema.get("type", "")))
    if schema.get("type") == "array" and "items" in schema:
        name = f"{name}（{_type(schema['items'])}）"
    return name


def _parameter(data: dict) -> Parameter:
    schema = data.get("schema", {})
    # drf-spectacular lists an enum's values in the description too ("* `on_time` - on_time"): shown once.
    description = data.get("description", "").split("\n\n* `", 1)[0]
    return Parameter(
        name=data["name"],
        location=str(LOCATIONS.get(data["in"], data["in"])),
        required=bool(data.get("required")),
        kind=_type(schema),
        choices=[str(choice) for choice in schema.get("enum", [])],
        description=description,
    )


def _operation(path: str, method: str, data: dict) -> Operation:
    kind = data["operationId"].rsplit("_", 1)[-1]
    return Operation(
        method=method.upper(),
        path=path,
        anchor=data["operationId"],
        kind=str(KINDS.get(kind, "")),
        description=data.get("description", ""),
        parameters=[_parameter(parameter) for parameter in data.get("parameters", [])],
        responses=[
            (code, response.get("description", ""), list(response.get("content", {})))
            for code, response in data.get("responses", {}).items()
        ],
    )


def _tag_order(tag: str) -> int:
    return list(TAG_NAMES).index(tag) if tag in TAG_NAMES else len(TAG_NAMES)


@lru_cache(maxsize=1)
def api_reference() -> tuple[dict, list]:
    """The schema's title and description, and its operations grouped by tag, in the schema's order."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    groups: dict[str, list] = {}
    for path, methods in schema["paths"].items():
        for method, data in methods.items():
            tag = (data.get("tags") or ["api"])[0]
            groups.setdefault(tag, []).append(_operation(path, method, data))
    sections = [
        {"tag": tag, "name": str(TAG_NAMES.get(tag, tag)), "operations": operations}
        for tag, operations in sorted(
            groups.items(), key=lambda item: list(TAG_NAMES).index(item[0]) if item[0] in TAG_NAMES else len(TAG_NAMES)
        )
    ]
    return schema["info"], sections


class ApiDocsView(TemplateView):
    template_name = "pages/api_docs.html"

    def get_context_data(self, **kwargs):
        info, sections = api_reference()
        return super().get_context_data(
            info=info,
            sections=sections,
            operation_count=sum(len(section["operations"]) for section in sections),
            anonymous_rate=settings.API_ANON_THROTTLE_RATE,
            breadcrumbs=[(_("数据接口（API）文档"), None)],
            **kwargs,
        )
