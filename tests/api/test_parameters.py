"""Every query parameter of every endpoint is checked: malformed, unknown, repeated or empty is a 400 naming it."""

import pytest
from django.urls import get_resolver

from api import filters, pagination, parameters
from api.parameters import DocumentedParametersOnly, accepted_parameters
from duties import filtersets
from problems import filtersets as problem_filtersets
from tests.api.scope import GEOREPORT, contract_paths

pytestmark = pytest.mark.django_db


def api_views():
    """Every view under /api/v1/, with the path of one of its URLs: discovered, not listed."""
    for pattern in get_resolver().url_patterns:
        if str(pattern.pattern) != "api/v1/":
            continue
        for route in pattern.url_patterns:
            yield route.name, route.callback


def test_every_api_endpoint_checks_its_parameters():
    views = dict(api_views())
    # The resources and actions, each also as a CSV file; list publication; the calendar; problems and routing.
    assert len(views) == 46
    for name, callback in views.items():
        assert issubclass(callback.cls, DocumentedParametersOnly), name


@pytest.mark.parametrize(
    ("url", "params", "parameter", "message"),
    [
        ("/api/v1/duties/", {"page_size": "-5"}, "page_size", pagination.PAGE_SIZE_OUT_OF_RANGE % {"max": 200}),
        ("/api/v1/duties/", {"page_size": "abc"}, "page_size", pagination.PAGE_SIZE_OUT_OF_RANGE % {"max": 200}),
        ("/api/v1/duties/", {"page_size": "null"}, "page_size", pagination.PAGE_SIZE_OUT_OF_RANGE % {"max": 200}),
        ("/api/v1/duties/", {"page_size": "201"}, "page_size", pagination.PAGE_SIZE_OUT_OF_RANGE % {"max": 200}),
        ("/api/v1/duties/", {"page_size": "1_0"}, "page_size", pagination.PAGE_SIZE_OUT_OF_RANGE % {"max": 200}),
        ("/api/v1/duties/", {"page": "0"}, "page", pagination.PAGE_NOT_A_NUMBER),
        ("/api/v1/duties/", {"page": "abc"}, "page", pagination.PAGE_NOT_A_NUMBER),
        ("/api/v1/duties/", {"page": "last"}, "page", pagination.PAGE_NOT_A_NUMBER),
        ("/api/v1/sectors/", {"page": "-1", "format": "json"}, "page", pagination.PAGE_NOT_A_NUMBER),
        ("/api/v1/reports/", {"on_time": "maybe"}, "on_time", filtersets.BOOLEAN),
        ("/api/v1/departments/", {"key_duties": "True"}, "key_duties", filtersets.BOOLEAN),
        ("/api/v1/reports/", {"year": "1e3"}, "year", filtersets.WHOLE_NUMBER),
        ("/api/v1/duties/", {"lineage": "1.5"}, "lineage", filtersets.WHOLE_NUMBER),
        ("/api/v1/compliance/", {"province": "jiangxi", "year": "2025.0"}, "year", filtersets.WHOLE_NUMBER),
        ("/api/v1/problems/", {"year": "2026.0"}, "year", filtersets.WHOLE_NUMBER),
        ("/api/v1/problems/", {"overdue": "yes"}, "overdue", filtersets.BOOLEAN),
        ("/api/v1/problems.csv", {"overdue": "1"}, "overdue", filtersets.BOOLEAN),
    ],
)
def test_a_malformed_value_is_a_400_naming_the_parameter(client, url, params, parameter, message):
    response = client.get(url, params)
    assert response.status_code == 400
    assert response.json() == {parameter: [message]}


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("/api/v1/duties/", {"department": "１２"}, "department"),
        ("/api/v1/duties/", {"document": "+36000001"}, "document"),
        ("/api/v1/duties/", {"edition": "0"}, "edition"),
        ("/api/v1/duties/", {"as_of": "2025/01/01"}, "as_of"),
        ("/api/v1/duties/36000001001/", {"as_of": "20250101"}, "as_of"),
        ("/api/v1/editions/", {"effective_after": "yesterday"}, "effective_after"),
        ("/api/v1/duties/", {"role": "boss"}, "role"),
        ("/api/v1/documents/", {"search": "扬" * 101}, "search"),
        ("/api/v1/reports/", {"search": "a" * 100 + " "}, "search"),
        ("/api/v1/duties/", {"province": "x" * 61}, "province"),
        ("/api/v1/lead-departments/", {"sector": "astrology"}, "sector"),
        ("/api/v1/compliance/", {"year": "2025"}, "province"),
        ("/api/v1/compliance/", {"province": "jiangxi", "year": "1999"}, "year"),
        ("/api/v1/problems/", {"year": str(problem_filtersets.YEARS[1] + 1)}, "year"),
        ("/api/v1/problems/", {"status": "lost"}, "status"),
        ("/api/v1/problems/", {"jurisdiction": "atlantis"}, "jurisdiction"),
        ("/api/v1/problems/", {"search": "扬" * 101}, "search"),
        ("/api/v1/routing/", {"jurisdiction": "jiangxi", "text": "   "}, "text"),
        ("/api/v1/routing.csv", {"jurisdiction": "jiangxi", "text": "扬" * 501}, "text"),
    ],
)
def test_an_invalid_value_is_a_400_naming_only_that_parameter(client, url, params, parameter):
    response = client.get(url, params)
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_an_unknown_parameter_is_a_400_that_lists_the_accepted_ones(client):
    response = client.get("/api/v1/duties/", {"provnce": "jiangxi"})
    assert response.status_code == 400
    accepted = "、".join(sorted(accepted_parameters_of("/api/v1/duties/")))
    assert response.json() == {"provnce": [parameters.UNKNOWN_PARAMETER % {"name": "provnce", "accepted": accepted}]}


def test_a_filter_on_a_record_is_an_unknown_parameter(client):
    response = client.get("/api/v1/duties/36000001001/", {"province": "henan"})
    assert response.status_code == 400
    accepted = "、".join(["as_of", "format"])
    assert response.json() == {"province": [parameters.UNKNOWN_PARAMETER % {"name": "province", "accepted": accepted}]}


def test_a_file_address_takes_neither_pages_nor_a_format(client):
    for name in ["page", "page_size", "format"]:
        response = client.get("/api/v1/duties.csv", {name: "1"})
        assert response.status_code == 400, name
        assert list(response.json()) == [name]


def test_a_repeated_parameter_is_a_400(client):
    response = client.get("/api/v1/duties/?province=jiangxi&province=henan")
    assert response.status_code == 400
    assert response.json() == {"province": [parameters.REPEATED_PARAMETER % {"name": "province"}]}


@pytest.mark.parametrize("name", ["format", "as_of", "province", "search", "page", "key_duties"])
def test_an_empty_value_is_a_400(client, name):
    url = "/api/v1/departments/" if name == "key_duties" else "/api/v1/duties/"
    response = client.get(f"{url}?{name}=")
    assert response.status_code == 400
    assert response.json() == {name: [parameters.EMPTY_PARAMETER % {"name": name}]}


def test_page_size_reaches_the_maximum_and_no_further(client):
    assert len(client.get("/api/v1/duties/", {"page_size": 200}).json()["results"]) == 84
    assert len(client.get("/api/v1/duties/", {"page_size": 3}).json()["results"]) == 3
    assert client.get("/api/v1/duties/", {"page_size": 10_000}).status_code == 400


def test_ordering_by_an_unknown_field_is_a_400_listing_the_choices(client):
    response = client.get("/api/v1/departments/", {"ordering": "budget"})
    assert response.status_code == 400
    choices = "、".join(["id", "-id", "name", "-name", "lead_duty_count", "-lead_duty_count"])
    choices += "、co_lead_duty_count、-co_lead_duty_count"
    assert response.json() == {"ordering": [filters.UNKNOWN_ORDERING % {"value": "budget", "choices": choices}]}
    assert client.get("/api/v1/departments/", {"ordering": "id,name"}).status_code == 400


def test_ordering_by_a_documented_field(client):
    counts = [
        row["lead_duty_count"] for row in client.get("/api/v1/departments/?ordering=-lead_duty_count").json()["results"]
    ]
    assert counts == sorted(counts, reverse=True)


def accepted_parameters_of(path, method="get"):
    """The parameters the view behind `path` accepts (as the mixin, or GeoReport's views, compute them)."""
    from django.test import RequestFactory
    from django.urls import resolve

    match = resolve(path)
    if GEOREPORT.match(path):
        return list(match.func.view_class.query_parameters.get(method, ()))
    view = match.func.cls(**match.func.initkwargs)
    view.action_map = match.func.actions
    view.action = match.func.actions[method]
    view.request = view.initialize_request(RequestFactory().get(path))
    view.args, view.kwargs, view.format_kwarg = (), match.kwargs, None
    return accepted_parameters(view)


SAMPLES = {"{id}": "36000001001", "{code}": "jiangxi", "{number}": "2026-000001", "{service_request_id}": "2026-000001"}


def test_each_operation_accepts_exactly_the_parameters_its_schema_documents(client):
    document = client.get("/api/schema/?format=json").json()
    for path, operations in contract_paths(document).items():
        sample = path.replace("{service_code}", "air")
        for placeholder, value in SAMPLES.items():
            sample = sample.replace(placeholder, value)
        for method, operation in operations.items():
            documented = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
            assert set(accepted_parameters_of(sample, method)) == documented, (method, path)


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/problems/?provnce=jiangxi", "provnce"),
        ("/api/v1/problems/2026-000001/?search=x", "search"),
        ("/api/v1/routing/?jurisdiction=jiangxi&text=x&page=2", "page"),
        ("/api/v1/routing.csv?jurisdiction=jiangxi&text=x&format=json", "format"),
    ],
)
def test_the_problems_endpoints_answer_an_undocumented_parameter_with_a_400_naming_it(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert list(response.json()) == [parameter]
    assert response.json()[parameter][0].startswith(parameters.UNKNOWN_PARAMETER.split("“")[0])
