"""The API throttle holds: a client cannot reset its count by writing X-Forwarded-For, every worker and app
server counts in the same place, and signed-in users are counted by account."""

import threading

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from clients import throttling
from tests import factories

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
URL = "/api/v1/sectors/"


def through_proxy(client_address, written_by_client=None):
    """The headers nginx sends for a client: whatever the client wrote, then the address it connected from."""
    chain = f"{written_by_client}, {client_address}" if written_by_client else client_address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": chain}


@override_settings(API_ANON_THROTTLE_RATE="3/min", TRUSTED_PROXY_COUNT=1)
def test_changing_x_forwarded_for_does_not_reset_the_count(client):
    statuses = [
        client.get(URL, **through_proxy("203.0.113.5", written_by_client=f"198.51.100.{n}")).status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]


@override_settings(API_ANON_THROTTLE_RATE="3/min", TRUSTED_PROXY_COUNT=0)
def test_without_a_proxy_the_header_is_not_even_read(client):
    statuses = [client.get(URL, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(4)]
    assert statuses == [200, 200, 200, 429]


@override_settings(API_ANON_THROTTLE_RATE="2/min", TRUSTED_PROXY_COUNT=1)
def test_each_client_behind_the_proxy_has_its_own_count(client):
    for _ in range(2):
        assert client.get(URL, **through_proxy("203.0.113.5")).status_code == 200
    assert client.get(URL, **through_proxy("203.0.113.5")).status_code == 429
    assert client.get(URL, **through_proxy("203.0.113.6")).status_code == 200


@override_settings(API_ANON_THROTTLE_RATE="2/min")
def test_a_429_says_when_to_try_again(client):
    responses = [client.get(URL) for _ in range(3)]
    assert 0 < int(responses[-1]["Retry-After"]) <= 60
    assert "秒后重试" in responses[-1].json()["detail"]


@override_settings(API_ANON_THROTTLE_RATE="1/min", API_USER_THROTTLE_RATE="2/min")
def test_signed_in_users_are_counted_by_account_at_their_own_rate(client):
    client.force_login(factories.make_user())
    assert [client.get(URL).status_code for _ in range(3)] == [200, 200, 429]
    assert Client().get(URL).status_code == 200  # an anonymous client from the same address is counted apart


REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/14"}}


@override_settings(CACHES=REDIS)
def test_concurrent_requests_on_a_shared_cache_never_lose_a_count():
    """Eight threads, each with its own Redis connection like a worker: exactly the limit gets through."""
    caches["default"].clear()
    rate = throttling.Rate(requests=50, seconds=3600)
    allowed = []
    barrier = threading.Barrier(8)

    def worker():
        barrier.wait()
        allowed.extend(1 for _ in range(25) if throttling.count_request("test", "address-203.0.113.5", rate) is None)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    caches["default"].clear()
    assert len(allowed) == 50


def test_a_count_ends_with_its_window(monkeypatch):
    rate = throttling.Rate(requests=1, seconds=60)
    monkeypatch.setattr(throttling.time, "time", lambda: 6000.0)
    assert throttling.count_request("test", "c", rate) is None
    monkeypatch.setattr(throttling.time, "time", lambda: 6045.5)
    assert throttling.count_request("test", "c", rate) == 15
    monkeypatch.setattr(throttling.time, "time", lambda: 6060.0)
    assert throttling.count_request("test", "c", rate) is None


@pytest.mark.parametrize(("text", "rate"), [("300/min", (300, 60)), ("5/s", (5, 1)), ("10/hour", (10, 3600))])
def test_rates_are_written_like_drfs(text, rate):
    assert throttling.parse_rate(text) == throttling.Rate(*rate)
    assert throttling.parse_rate("") is None and throttling.parse_rate(None) is None


@pytest.mark.parametrize("text", ["300", "x/min", "300/fortnight", "-1/min"])
def test_a_malformed_rate_is_refused(text):
    with pytest.raises(ValueError):
        throttling.parse_rate(text)
