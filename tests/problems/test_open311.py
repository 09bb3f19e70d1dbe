"""Open311 GeoReport v2: a client written from the specification files and reads a request; keys; privacy."""

import pytest

from problems import services
from problems.models import HotlineKey, Problem
from tests.problems.factories import DUST, REPORTER_NAME, REPORTER_PHONE
from tests.problems.open311_client import GeoReportClient, GeoReportError

pytestmark = pytest.mark.django_db


@pytest.fixture
def hotline(db):
    return HotlineKey.issue("江西12345热线")


@pytest.fixture
def geo(client, county, hotline):
    return GeoReportClient(client, "/open311/v2/", county.pk, api_key=hotline[1])


def test_services_are_the_problem_categories(geo):
    codes = {service["service_code"] for service in geo.services()}
    assert codes == set(Problem.Category.values)


def test_a_hotline_files_a_request_and_reads_it_back(geo, county, office, housing, handler):
    created = geo.post_request(
        "air",
        description=DUST,
        address_string="莲塘镇在建工地",
        first_name="晓明",
        last_name="张",
        phone=REPORTER_PHONE,
    )
    number = created["service_request_id"]
    problem = Problem.objects.get(number=number)
    assert problem.source == Problem.Source.HOTLINE and problem.jurisdiction == county
    assert problem.reporter_name == REPORTER_NAME and problem.reporter_phone == REPORTER_PHONE
    request = geo.get_request(number)
    assert request["status"] == "open" and request["description"] == "" and request["address"] == "南昌县"
    services.problem_assign(problem=problem, user=office, department=housing, public_text="工地扬尘。")
    services.problem_accept(problem=problem, user=handler)
    request = geo.get_request(number)
    assert request["agency_responsible"] == "江西省住房和城乡建设厅" and request["description"] == "工地扬尘。"
    assert REPORTER_PHONE not in str(request) and "张" not in str(request)
    assert [r["service_request_id"] for r in geo.get_requests(status="open")] == [number]
    assert geo.get_requests(status="closed") == []


def test_filing_needs_a_valid_key(client, county):
    anonymous = GeoReportClient(client, "/open311/v2/", county.pk)
    with pytest.raises(GeoReportError) as refused:
        anonymous.post_request("air", description=DUST, address_string="某地")
    assert refused.value.status == 403 and refused.value.errors[0]["code"] == 403
    assert not Problem.objects.exists()


def test_a_request_without_a_location_or_with_an_unknown_service_is_a_400(geo):
    with pytest.raises(GeoReportError) as no_place:
        geo.post_request("air", description=DUST)
    assert no_place.value.status == 400
    with pytest.raises(GeoReportError) as unknown:
        geo.post_request("parking", description=DUST, address_string="某地")
    assert unknown.value.status == 400


def test_any_client_follows_a_request_but_reads_no_text_before_the_office_publishes_it(client, geo, county):
    number = geo.post_request("air", description=DUST, address_string="某地")["service_request_id"]
    stranger = GeoReportClient(client, "/open311/v2/", county.pk)
    request = stranger.get_request(number)
    assert request["description"] == "" and DUST not in str(request) and "某地" not in str(request)


def test_an_unknown_request_is_a_404(geo):
    with pytest.raises(GeoReportError) as unknown:
        geo.get_request("2026-999999")
    assert unknown.value.status == 404 and unknown.value.errors[0]["code"] == 404


def test_the_schema_documents_open311(client):
    paths = client.get("/api/schema/?format=json").json()["paths"]
    assert {
        "/open311/v2/services.json",
        "/open311/v2/requests.json",
        "/open311/v2/requests/{service_request_id}.json",
    } <= set(paths)
    assert "post" in paths["/open311/v2/requests.json"]


@pytest.mark.parametrize(
    "params",
    [
        {"service_request_id": "2026-0\x0000001"},
        {"service_code": "a\x00"},
        {"start_date": "0001-01-01T00:00:00+14:00"},
        {"end_date": "0001-01-01T00:00:00"},
        {"end_date": "9999-12-31T23:59:59-12:00"},
        {"status": "pending"},
    ],
)
def test_malformed_queries_are_400s_in_geo_report_s_shape(client, params):
    response = client.get("/open311/v2/requests.json", params)
    assert response.status_code == 400 and response.json()[0]["code"] == 400
