"""Every error a client can cause is a 4xx with a JSON body naming what was wrong."""

import pytest
from django.core.cache import cache
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("/api/v1/duties/", {"province": "atlantis"}, "province"),
        ("/api/v1/duties/", {"lead_department": "abc"}, "lead_department"),
        ("/api/v1/duties/", {"department": "999999999"}, "department"),
        ("/api/v1/duties/", {"role": "boss"}, "role"),
        ("/api/v1/duties/", {"sector": "astrology"}, "sector"),
        ("/api/v1/departments/", {"key_duties": "maybe"}, "key_duties"),
        ("/api/v1/lead-departments/", {"province": "atlantis"}, "province"),
        ("/api/v1/duties/", {"search": "扬" * 101}, "search"),
    ],
)
def test_an_unknown_filter_value_is_a_400_naming_the_parameter(client, url, params, parameter):
    response = client.get(url, params)
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_a_malformed_or_unknown_id_is_a_404_naming_the_id(client):
    for url in ["/api/v1/duties/abc/", "/api/v1/duties/1/", "/api/v1/departments/9.5/", "/api/v1/provinces/atlantis/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"


def test_a_page_past_the_end_is_a_404_naming_the_page(client):
    response = client.get("/api/v1/duties/", {"page": 99})
    assert response.status_code == 404
    assert response.json() == {"page": ["没有第 99 页：共 2 页。"]}


def test_an_unknown_address_under_the_api_is_a_json_404(client):
    response = client.get("/api/v1/nothing/")
    assert response.status_code == 404
    assert "/api/docs/" in response.json()["path"][0]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_write_methods_answer_405(client, method):
    response = getattr(client, method)("/api/v1/duties/36000001001/", content_type="application/json")
    assert response.status_code == 405
    assert "detail" in response.json()


@override_settings(API_ANON_THROTTLE_RATE="3/min")
def test_anonymous_clients_are_throttled_with_retry_after(client):
    cache.clear()
    statuses = [client.get("/api/v1/sectors/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/sectors/")
    assert 0 < int(response["Retry-After"]) <= 60
    assert "秒后重试" in response.json()["detail"]
    cache.clear()


def test_errors_are_json_even_when_csv_was_asked_for(client):
    response = client.get("/api/v1/duties/", {"province": "atlantis", "format": "csv"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["province"]
