"""The problems' API under the strict contract: CSV addresses, errors naming their parameter, examples that match
the schema, the same queries whatever the number of problems, and never the reporter in any answer."""

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api import errors
from problems import services
from problems.models import Problem
from tests.problems.factories import DUST, REPORTER_EMAIL, REPORTER_NAME, REPORTER_PHONE, accepted, file_problem

pytestmark = pytest.mark.django_db
PLACE = "莲塘镇澄湖东路在建小区工地"


@pytest.fixture
def published(county, office, handler, housing):
    """A problem accepted by the housing department, with a public progress note, filed with a name and e-mail."""
    problem = accepted(file_problem(county, reporter_email=REPORTER_EMAIL).problem, office, handler, housing)
    services.problem_progress(problem=problem, user=handler, note="已责令施工单位洒水降尘。")
    return Problem.objects.get(pk=problem.pk)


def test_the_list_and_each_record_are_csv_files_too(client, published):
    listed = client.get("/api/v1/problems.csv")
    assert listed.status_code == 200 and listed["Content-Type"] == "text/csv; charset=utf-8"
    header, row = listed.content.decode("utf-8-sig").splitlines()
    assert header.startswith("number,url,source,category,status,jurisdiction.code,jurisdiction.name")
    assert row.startswith(f"{published.number},/problems/{published.number}/,citizen,air,accepted,360121,南昌县")
    record = client.get(f"/api/v1/problems/{published.number}.csv").content.decode("utf-8-sig")
    assert "events" in record.splitlines()[0] and "已责令施工单位洒水降尘。" not in record.splitlines()[0]
    assert client.get("/api/v1/problems.csv", {"category": "water"}).content.decode("utf-8-sig") == "\r\n"


def test_routing_is_a_csv_file_of_the_proposed_departments(client, county):
    response = client.get("/api/v1/routing.csv", {"jurisdiction": "360121", "text": "建筑工地扬尘"})
    assert response.status_code == 200
    header, first, *_ = response.content.decode("utf-8-sig").splitlines()
    assert header == "department.id,department.name,department.short_name,score,duties"
    assert first.startswith("360000008,江西省住房和城乡建设厅,")


def test_no_answer_and_no_file_of_the_api_carries_the_reporter(client, published):
    number = published.number
    urls = [
        "/api/v1/problems/",
        "/api/v1/problems.csv",
        f"/api/v1/problems/{number}/",
        f"/api/v1/problems/{number}.csv",
        "/api/v1/problems/?format=json",
        f"/open311/v2/requests/{number}.json",
        "/open311/v2/requests.json",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode("utf-8-sig")
        assert number in body, url
        for secret in [REPORTER_NAME, REPORTER_PHONE, REPORTER_EMAIL, PLACE, DUST]:
            assert secret not in body, (url, secret)


def test_an_unknown_problem_is_a_404_naming_its_number(client):
    for url in ["/api/v1/problems/2026-999999/", "/api/v1/problems/2026-999999.csv"]:
        response = client.get(url)
        assert response.status_code == 404
        message = errors.RECORD_NOT_FOUND % {"lookup": "编号", "value": "2026-999999", "record": "生态环境问题"}
        assert response.json() == {"number": [message]}


def test_an_unpublished_problem_is_not_in_the_api(client, county):
    number = file_problem(county).problem.number
    assert client.get(f"/api/v1/problems/{number}/").status_code == 404
    assert client.get("/api/v1/problems/").json()["count"] == 0


def json_schema(node):
    """OpenAPI 3.0's schema as JSON Schema: `nullable: true` becomes "or null"."""
    if isinstance(node, list):
        return [json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node


def test_the_schema_s_examples_are_answers_the_schema_allows(client):
    document = client.get("/api/schema/?format=json").json()
    checked = 0
    for path in ["/api/v1/problems/{number}/", "/api/v1/routing/"]:
        content = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        schema = {**content["schema"], "components": json_schema(document["components"])}
        for example in content["examples"].values():
            jsonschema.validate(example["value"], schema, cls=jsonschema.Draft4Validator)
            checked += 1
    assert checked == 2


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200, url
    return len(captured.captured_queries)


def test_the_csv_files_and_routing_run_a_fixed_number_of_queries(client, county, office, handler, housing):
    first = accepted(file_problem(county).problem, office, handler, housing).number
    urls = [
        "/api/v1/problems.csv",
        f"/api/v1/problems/{first}.csv",
        "/api/v1/routing/?jurisdiction=360121&text=建筑工地扬尘",
        "/api/v1/routing.csv?jurisdiction=360121&text=建筑工地扬尘",
    ]
    before = {url: _queries(client, url) for url in urls}
    for _ in range(4):
        services.problem_progress(
            problem=accepted(file_problem(county).problem, office, handler, housing), user=handler, note="进展。"
        )
    assert {url: _queries(client, url) for url in urls} == before
