"""The reports list's filters answer a 400 naming the parameter, whatever a client sends; compliance's query."""

import pytest

from duties.models import Department, Jurisdiction
from duties.models.jurisdictions import UNKNOWN_JURISDICTION
from reports.filtersets import NOT_A_PROVINCE
from tests import factories


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"department": "3.651555317355347e+21"},
        {"department": "36515553173553470000000"},  # found by schemathesis: an overflow on SQLite
        {"year": "1e30"},
        {"year": "99999999999999999999999"},
    ],
)
def test_out_of_range_numbers_are_a_clear_error(client, params):
    response = client.get("/api/v1/reports/", params)
    assert response.status_code == 400
    assert list(response.json()) == list(params)


@pytest.fixture
def published(db):
    department = Department.objects.get(pk=360000001)
    return factories.make_filed_report(department, 2024, factories.make_approver(department), publish=True)


@pytest.mark.django_db
@pytest.mark.parametrize("province", ["jiangxi", "JiangXi", "JIANGXI", "360000"])
def test_reports_take_the_duty_lists_province_filter_in_any_case(client, published, province):
    rows = client.get("/api/v1/reports/", {"province": province}).json()["results"]
    assert [row["id"] for row in rows] == [published.pk]
    assert client.get("/api/v1/reports/", {"province": "henan"}).json()["results"] == []


@pytest.mark.django_db
def test_an_unknown_province_is_a_400_for_reports_as_for_duties(client):
    for url in ["/api/v1/reports/", "/api/v1/duties/"]:
        response = client.get(url, {"province": "nowhere"})
        assert response.status_code == 400, url
        assert response.json() == {"province": [UNKNOWN_JURISDICTION % {"value": "nowhere"}]}, url


@pytest.mark.django_db
@pytest.mark.parametrize("on_time", ["maybe", "1", "yes", "True"])
def test_on_time_is_true_or_false(client, on_time):
    response = client.get("/api/v1/reports/", {"on_time": on_time})
    assert response.status_code == 400
    assert list(response.json()) == ["on_time"]


@pytest.mark.django_db
def test_compliance_exports_csv_and_json_and_names_its_province_in_any_case(client):
    query = {"province": "JiangXi", "year": 2024}
    listed = client.get("/api/v1/compliance/", query).json()
    exported = client.get("/api/v1/compliance/", {**query, "format": "json"}).json()
    assert exported["count"] == listed["count"] == len(exported["results"]) == 12
    for response in [
        client.get("/api/v1/compliance/", {**query, "format": "csv"}),
        client.get("/api/v1/compliance.csv", query),
    ]:
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response.content.decode("utf-8-sig").count("\r\n") == 13


@pytest.mark.django_db
def test_compliance_is_by_province_only(client):
    city = Jurisdiction.objects.create(
        code="360100",
        name="南昌市",
        short_name="南昌",
        slug="nanchang",
        level="prefecture",
        kind="city",
        parent_id="360000",
    )
    response = client.get("/api/v1/compliance/", {"province": city.code, "year": 2024})
    assert response.status_code == 400
    assert response.json() == {"province": [NOT_A_PROVINCE % {"name": "南昌市"}]}
