"""What the OpenAPI schema says beyond drf-spectacular's defaults, so that it tells the truth.

- A CSV answer is text (`type: string`), not the JSON object's schema; a file address (`duties.csv`)
  is an operation of its own, answering text/csv only, without `page`, `page_size` or `format`.
- Every filter states its bounds and its help text (drf-spectacular drops the help text of a filter
  whose schema is given explicitly).
- A list links each row to its record (OpenAPI links), and a record to the lists it leads to, so that
  a client, or schemathesis' stateful tests, can walk from one to the other.
"""

import re

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema

from api.routers import EXPORT_SUFFIX

CSV_SCHEMA = {
    "type": "string",
    "description": "CSV 文本（UTF-8，带 BOM）：首行为列名，嵌套对象展开为“对象.字段”列，多个部门或事项以“；”相连。",
}
FORMAT_DESCRIPTION = (
    "csv：整个筛选结果为一个 CSV 文件；json：整个筛选结果在一个信封里。最多 20,000 行。省略时为分页的 JSON。"
)
FILE_DESCRIPTION = "整个结果为一个 CSV 文件（与 ?format=csv 相同），不分页。"


class PortalAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema, with the file addresses (`….csv`) as operations answering text/csv."""

    @property
    def is_file(self) -> bool:
        return self.path.endswith(EXPORT_SUFFIX)

    def get_operation_id(self):
        operation_id = super().get_operation_id()
        if not self.is_file:
            return operation_id
        return re.sub(r"_?\.csv", "", operation_id) + "_csv"

    def get_auth(self):
        return []  # public: no operation asks for credentials (drf-spectacular would say `security: [{}]`)

    def get_tags(self):
        return [tag.removesuffix(EXPORT_SUFFIX) for tag in super().get_tags()]

    def get_description(self):
        description = super().get_description()
        return f"{description}\n\n{FILE_DESCRIPTION}".strip() if self.is_file else description

    def map_renderers(self, attribute):
        if attribute == "media_type" and self.is_file:
            return ["text/csv"]
        return super().map_renderers(attribute)

    def _get_format_parameters(self):
        if self.is_file:
            return []
        parameters = super()._get_format_parameters()
        for parameter in parameters:
            parameter["description"] = FORMAT_DESCRIPTION
        return parameters

    def _get_pagination_parameters(self):
        return [] if self.is_file else super()._get_pagination_parameters()

    def _get_response_for_code(self, serializer, status_code, media_types=None, direction="response"):
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        if "text/csv" in response.get("content", {}):
            response["content"]["text/csv"] = {"schema": CSV_SCHEMA}
        return response


class DescribedFilterExtension(DjangoFilterExtension):
    """django-filter's parameters, each with its filter's help text and its number bounds."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)
        description = filter_field.extra.get("help_text") or filter_field.label
        for parameter in parameters:
            if description and not parameter.get("description"):
                parameter["description"] = str(description)
            for bound, keyword in (("min_value", "minimum"), ("max_value", "maximum")):
                if filter_field.extra.get(bound) is not None:
                    parameter["schema"][keyword] = filter_field.extra[bound]
        return parameters


# Links a client can follow: (from operation, to operation, parameter of the target, where its value is).
RECORD_LINKS = [
    ("duties_retrieve", "documents_retrieve", "id", "$response.body#/document/id"),
    ("departments_retrieve", "duties_list", "lead_department", "$response.body#/id"),
    ("provinces_retrieve", "departments_list", "province", "$response.body#/code"),
    ("documents_retrieve", "duties_list", "document", "$response.body#/id"),
    ("lead_departments_list", "departments_retrieve", "id", "$response.body#/results/0/id"),
    ("compliance_list", "departments_retrieve", "id", "$response.body#/results/0/department/id"),
    ("reports_list", "departments_retrieve", "id", "$response.body#/results/0/department/id"),
    ("routing_retrieve", "departments_retrieve", "id", "$response.body#/results/0/department/id"),
    ("routing_retrieve", "duties_retrieve", "id", "$response.body#/results/0/duties/0/id"),
    # GeoReport v2 answers lists: a service leads to its definition, a request (filed or listed) to its record.
    ("open311_services", "open311_service_definition", "service_code", "$response.body#/0/service_code"),
    ("open311_requests", "open311_request", "service_request_id", "$response.body#/0/service_request_id"),
    ("open311_request_create", "open311_request", "service_request_id", "$response.body#/0/service_request_id"),
]


def _link(target, parameter, expression):
    return {"operationId": target, "parameters": {parameter: expression}, "description": f"{parameter} ← {expression}"}


def link_lists_to_records(result, generator, request, public):
    """drf-spectacular hook: each list's first row leads to its record (`duties/` → `duties/{id}/`), and more."""
    operations = {
        operation["operationId"]: (path, operation)
        for path, methods in result.get("paths", {}).items()
        for operation in methods.values()
    }
    links = list(RECORD_LINKS)
    for path, methods in result.get("paths", {}).items():
        record_path = next(
            (other for other in result["paths"] if re.fullmatch(re.escape(path) + r"\{\w+\}/", other)), None
        )
        if "get" not in methods or record_path is None:
            continue
        parameter = re.search(r"\{(\w+)\}/$", record_path).group(1)
        target = result["paths"][record_path]["get"]["operationId"]
        links.append((methods["get"]["operationId"], target, parameter, f"$response.body#/results/0/{parameter}"))
    for source, target, parameter, expression in links:
        if source in operations and target in operations:
            responses = operations[source][1]["responses"]
            response = responses[next(code for code in responses if code.startswith("2"))]
            response.setdefault("links", {})[target] = _link(target, parameter, expression)
    return result
