"""The OpenAPI schema tells the truth: what each operation takes, answers and links to."""

import re

import pytest

from api import schema as api_schema
from tests.api.scope import contract_components, contract_paths, portal_paths

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def document(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        document = Client().get("/api/schema/?format=json").json()
    document["components"]["schemas"] = contract_components(document)
    document["paths"] = contract_paths(document)
    return document


def parameters(document, path):
    return {p["name"]: p for p in document["paths"][path]["get"].get("parameters", [])}


def untyped(node, where=""):
    """Every schema under `node` that says nothing of its type."""
    if isinstance(node, dict):
        if "properties" in node or "items" in node or "additionalProperties" in node:
            if node.get("additionalProperties") == {}:
                yield where
        for key, value in node.items():
            if key == "properties":
                for name, prop in value.items():
                    if not any(k in prop for k in ("type", "$ref", "allOf", "oneOf", "anyOf", "enum")):
                        yield f"{where}.{name}"
                    yield from untyped(prop, f"{where}.{name}")
            elif isinstance(value, dict | list):
                yield from untyped(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from untyped(item, f"{where}[{index}]")


def test_the_schema_documents_every_filter(document):
    assert {
        "province",
        "jurisdiction",
        "lead_department",
        "department",
        "role",
        "sector",
        "document",
        "search",
        "as_of",
        "lineage",
        "edition",
        "ordering",
        "page",
        "page_size",
        "format",
    } == set(parameters(document, "/api/v1/duties/"))
    assert set(parameters(document, "/api/v1/lead-departments/")) >= {"search", "province", "as_of", "document"}


def test_every_parameter_has_a_description(document):
    for path in document["paths"]:
        for name, parameter in parameters(document, path).items():
            assert parameter.get("description"), f"{path} {name}"


def test_every_operation_documents_its_errors(document):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert {"400", "404", "406", "429", "503"} <= set(responses), (method, path)
            assert any(code.startswith("2") for code in responses), (method, path)


def test_a_records_day_can_be_malformed_and_a_search_is_at_most_100_characters(document):
    assert "400" in document["paths"]["/api/v1/duties/{id}/"]["get"]["responses"]
    assert parameters(document, "/api/v1/duties/{id}/")["as_of"]["schema"]["format"] == "date"
    for path in ["/api/v1/duties/", "/api/v1/departments/", "/api/v1/documents/", "/api/v1/reports/"]:
        assert parameters(document, path)["search"]["schema"]["maxLength"] == 100, path


def test_booleans_are_booleans_and_numbers_have_their_bounds(document):
    assert parameters(document, "/api/v1/departments/")["key_duties"]["schema"] == {"type": "boolean"}
    assert parameters(document, "/api/v1/reports/")["on_time"]["schema"] == {"type": "boolean"}
    page_size = parameters(document, "/api/v1/duties/")["page_size"]["schema"]
    assert (page_size["minimum"], page_size["maximum"]) == (1, 200)
    assert parameters(document, "/api/v1/duties/")["page"]["schema"]["minimum"] == 1
    ordering = parameters(document, "/api/v1/departments/")["ordering"]["schema"]
    assert "-co_lead_duty_count" in ordering["enum"]


def test_csv_answers_are_text_and_files_have_operations_of_their_own(document):
    for path, operations in portal_paths(document).items():
        content = operations["get"]["responses"]["200"]["content"]
        assert content["text/csv"]["schema"] == api_schema.CSV_SCHEMA, path
        if path.endswith(".csv"):
            assert list(content) == ["text/csv"], path
            assert not {"page", "page_size", "format"} & set(parameters(document, path)), path
        else:
            assert f"{path.removesuffix('/')}.csv" in document["paths"], path


def test_no_object_in_an_answer_is_untyped(document):
    assert list(untyped(document["components"]["schemas"])) == []
    lead = document["components"]["schemas"]["LeadDepartment"]["properties"]["duties"]
    assert lead["items"] == {"$ref": "#/components/schemas/DutyBrief"}


def test_counts_and_the_capped_count_are_documented(document):
    schemas = document["components"]["schemas"]
    for name in ["lead_duty_count", "co_lead_duty_count"]:
        assert schemas["Department"]["properties"][name]["description"], name
    page = schemas["PaginatedDutyItemList"]
    assert page["properties"]["count_capped"]["description"]
    assert set(page["required"]) == {"count", "count_capped", "next", "previous", "results"}


def test_each_list_links_its_rows_to_their_records(document):
    links = document["paths"]["/api/v1/duties/"]["get"]["responses"]["200"]["links"]
    assert links["duties_retrieve"]["parameters"] == {"id": "$response.body#/results/0/id"}
    for path, operations in portal_paths(document).items():
        record = next(
            (other for other in document["paths"] if re.fullmatch(re.escape(path) + r"\{\w+\}/", other)), None
        )
        if record is not None:
            target = document["paths"][record]["get"]["operationId"]
            assert target in operations["get"]["responses"]["200"]["links"], path


def test_the_api_is_public_and_asks_for_no_credentials(document):
    assert "securitySchemes" not in document.get("components", {})
    assert all(
        "security" not in operation for operations in document["paths"].values() for operation in operations.values()
    )


def test_every_field_of_every_answer_is_described(document):
    undescribed = [
        f"{name}.{field}"
        for name, component in document["components"]["schemas"].items()
        for field, schema in component.get("properties", {}).items()
        if not (schema.get("description") or schema.get("title"))
    ]
    assert undescribed == []
