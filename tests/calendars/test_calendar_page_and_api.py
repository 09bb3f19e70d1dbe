"""The calendar as a page and at /api/v1/calendar/: the same parameters, errors naming them, and a fixed number
of queries whatever the number of departments and years."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.disclosures.test_services import publish

pytestmark = pytest.mark.django_db


def test_the_api_lists_a_provinces_deadlines_of_one_year(client, clock):
    clock("2026-03-01 10:00")
    body = client.get("/api/v1/calendar/?province=henan&year=2026").json()
    assert body["count"] == 13
    first = body["results"][0]
    assert first["kind"] == "annual-report" and first["due"] == "2026-02-28" and first["status"] == "missing"
    assert first["source_url"] == "/henan/documents/41000001/#p4-m12" and first["rule"] == "每年 2 月底前"


def test_the_api_takes_a_department_within_its_province(client, department):
    body = client.get(f"/api/v1/calendar/?province=jiangxi&department={department.pk}&year=2026").json()
    assert {row["department"]["id"] for row in body["results"]} == {department.pk}
    assert list(client.get(f"/api/v1/calendar/?department={department.pk}").json()) == ["province"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("year=2026", "province"),
        ("province=atlantis", "province"),
        ("province=henan&year=20x", "year"),
        ("province=henan&year=1900", "year"),
        ("province=jiangxi&department=999", "department"),
        ("province=henan&department=360000001", "department"),
        ("province=henan&kind=picnic", "kind"),
        ("province=henan&status=maybe", "status"),
    ],
)
def test_every_error_is_a_400_naming_its_parameter(client, query, parameter):
    response = client.get(f"/api/v1/calendar/?{query}")
    assert response.status_code == 400 and list(response.json()) == [parameter]
    assert client.get(f"/calendar/?{query}").status_code == 400


def test_the_page_shows_each_deadline_with_its_status_and_links(client, department, approver, clock):
    clock("2026-01-09 10:00")
    factories.make_filed_report(department, 2025, approver, publish=True)
    html = client.get("/calendar/?province=jiangxi&year=2026").content.decode()
    assert html.count('data-status="on_time"') == 1 and 'href="/jiangxi/documents/36000001/#p3-m9"' in html
    assert 'href="/calendar.ics?province=jiangxi"' in html
    assert client.get("/calendar/").status_code == 200  # asks for a province


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured.captured_queries)


def test_fixed_queries_whatever_the_number_of_departments_and_years(client, department, approver, clock):
    clock("2026-05-01 10:00")
    urls = {
        "page": ["/calendar/?province=jiangxi&year=2026", "/calendar/?province=chongqing&year=2024"],
        "department page": [f"/calendar/?department={department.pk}&year=2026", "/calendar/?department=500000001"],
        "api": ["/api/v1/calendar/?province=jiangxi&year=2026", "/api/v1/calendar/?province=henan&year=2025"],
        "feed (three years)": ["/calendar.ics?province=jiangxi", "/calendar.ics?province=chongqing"],
    }
    first = {name: [count(client, url) for url in group] for name, group in urls.items()}
    factories.make_filed_report(department, 2025, approver, publish=True)
    factories.make_filed_report(department, 2024, approver, publish=True)
    second = {name: [count(client, url) for url in group] for name, group in urls.items()}
    assert first == second
    # Chongqing's page reads its list-publication deadline's departments and their lists too (two queries);
    # the problems' steps are one query (and one more for their time limits once there are problems).
    assert first == {"page": [8, 10], "department page": [7, 7], "api": [8, 8], "feed (three years)": [8, 8]}


def test_fixed_queries_whatever_the_number_of_counties(client, jilin, county_government, county_approver, clock):
    clock("2026-04-14 10:00")
    url = "/calendar/?province=jilin&year=2026"
    before = count(client, url)
    publish(county_government, county_approver, 2026, 1)
    assert count(client, url) == before


def test_the_api_exports_the_deadlines_as_csv(client):
    response = client.get("/api/v1/calendar/?province=henan&year=2026&format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("kind,period,due,department.id,department.name")
    assert len(lines) == 14 and ",2026-02-28," in lines[1]
