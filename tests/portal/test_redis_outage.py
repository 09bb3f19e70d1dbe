"""While Redis is down the portal keeps serving: pages answer, nobody is signed out (sessions are read from the
database), request limits count in each process, and Redis is used again once it answers."""

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from portal import cache as resilient
from tests import factories

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every connection is refused, as when Redis is stopped.
DOWN = {"default": {"BACKEND": "portal.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
UP = {"default": {"BACKEND": "portal.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:6379/6"}}
SESSIONS_IN_REDIS = "django.contrib.sessions.backends.cached_db"


@pytest.fixture(autouse=True)
def redis_not_yet_failed(monkeypatch):
    monkeypatch.setattr(resilient, "_redis_down_until", 0.0)


@override_settings(CACHES=DOWN, SESSION_ENGINE=SESSIONS_IN_REDIS)
def test_pages_and_a_signed_in_session_work_while_redis_is_down(client):
    factories.make_user(username="clerk")
    assert client.get("/").status_code == 200
    assert client.get("/jiangxi/").status_code == 200
    signed_in = client.post(reverse("reports:login"), {"username": "clerk", "password": factories.PASSWORD})
    assert signed_in.status_code == 302
    assert client.get(reverse("reports:workspace")).status_code == 200


@override_settings(CACHES=DOWN, API_ANON_THROTTLE_RATE="3/min")
def test_request_limits_still_count_in_the_process_while_redis_is_down(client):
    assert [client.get("/api/v1/sectors/").status_code for _ in range(4)] == [200, 200, 200, 429]


@override_settings(CACHES=UP)
def test_redis_is_used_again_a_few_seconds_after_it_failed(monkeypatch):
    shared = redis.Redis.from_url(UP["default"]["LOCATION"])
    cache = caches["default"]
    cache.delete("outage-test")
    monkeypatch.setattr(resilient, "_redis_down_until", resilient.time.monotonic() + resilient.RETRY_SECONDS)
    cache.set("outage-test", "kept locally")
    assert cache.get("outage-test") == "kept locally" and not shared.exists(cache.make_key("outage-test"))

    monkeypatch.setattr(resilient, "_redis_down_until", resilient.time.monotonic() - 1)
    cache.set("outage-test", "in Redis")
    assert shared.exists(cache.make_key("outage-test")) and cache.get("outage-test") == "in Redis"
    cache.delete("outage-test")
