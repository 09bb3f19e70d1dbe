"""GeoReport v2 under the contract: its own shapes, and the portal's rules within them (documented parameters and
fields only, W3C date-times, a 405 for a method it does not serve)."""

import pytest

from problems.models import HotlineKey, Problem
from problems.open311 import dates
from tests.problems.factories import DUST

pytestmark = pytest.mark.django_db


def _refused(response, status=400):
    assert response.status_code == status
    body = response.json()
    assert isinstance(body, list) and body[0]["code"] == status
    return body[0]["description"]


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("/open311/v2/services.json", {"jurisdicton_id": "360121"}, "jurisdicton_id"),
        ("/open311/v2/requests.json", {"page": "2"}, "page"),
        ("/open311/v2/requests.json", {"status": ""}, "status"),
        ("/open311/v2/requests.json", {"status": "open,"}, "status"),
        ("/open311/v2/requests.json", {"service_code": "parking"}, "service_code"),
        ("/open311/v2/requests.json", {"start_date": "2026-03-01"}, "start_date"),
        ("/open311/v2/requests.json", {"end_date": "2026-02-30T00:00:00Z"}, "end_date"),
        ("/open311/v2/requests.json", {"service_request_id": "1", "jurisdiction_id": "atlantis"}, "jurisdiction_id"),
        ("/open311/v2/requests/2026-000001.json", {"jurisdiction_id": "*"}, "jurisdiction_id"),
    ],
)
def test_a_parameter_it_does_not_document_or_cannot_read_is_a_400_naming_it(client, url, params, parameter):
    assert _refused(client.get(url, params)).startswith(f"{parameter}: ")


def test_a_w3c_date_time_is_read_with_its_offset_and_the_default_window_never_overflows():
    assert dates.parse("2026-03-01T00:00:00.5+08:00").isoformat() == "2026-03-01T00:00:00.500000+08:00"
    assert dates.parse("2026-03-01t00:00:00z").utcoffset().total_seconds() == 0
    assert dates.parse("0001-01-01T00:00:00+14:00") is None and dates.parse("2026-03-01 00:00:00") is None
    assert dates.days_before(dates.parse("0001-02-01T00:00:00Z"), 90) == dates.EARLIEST


def test_an_early_end_date_answers_an_empty_list(client):
    response = client.get("/open311/v2/requests.json", {"end_date": "0001-02-01T00:00:00Z"})
    assert response.status_code == 200 and response.json() == []


def test_a_request_with_a_field_geo_report_does_not_define_is_a_400_and_files_nothing(client, county):
    key = HotlineKey.issue("12345")[1]
    data = {"api_key": key, "jurisdiction_id": county.pk, "service_code": "air", "description": DUST}
    response = client.post("/open311/v2/requests.json", {**data, "address_string": "某地", "attribute[x]": "1"})
    assert _refused(response).startswith("attribute[x]: ")
    assert not Problem.objects.exists()
    assert client.post("/open311/v2/requests.json", {**data, "lat": "28.5", "long": "115.9"}).status_code == 201


def test_a_json_body_is_a_415_in_geo_report_s_shape(client, county):
    response = client.post("/open311/v2/requests.json", {"api_key": "x"}, content_type="application/json")
    _refused(response, 415)


@pytest.mark.parametrize("method", ["put", "delete", "trace"])
def test_a_method_it_does_not_serve_is_a_405_whatever_the_parameters(client, method):
    response = client.generic(method.upper(), "/open311/v2/services.json?jurisdiction_id=360121&x=1")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"


def test_an_id_with_a_slash_is_geo_report_s_404(client):
    _refused(client.get("/open311/v2/requests/a/b.json"), 404)
    _refused(client.get("/open311/v2/services/.json"), 404)
