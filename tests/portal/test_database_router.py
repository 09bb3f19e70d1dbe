"""Public reads go to the replica when there is one; writes, transactions, signed-in users, the browser that
has just written, and every read while the replica is down go to the primary."""

import pytest
from django.conf import settings
from django.db import OperationalError, connections
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from duties.models import DutyItem
from portal import database
from portal.database import PRIMARY_COOKIE, PrimaryDatabaseMiddleware, PrimaryReplicaRouter, pinned_to_primary

# The router reads settings.DATABASES; the replica's connection is a stand-in here.
pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")

WITH_REPLICA = {**settings.DATABASES, "replica": settings.DATABASES["default"]}
router = PrimaryReplicaRouter()


class Replica:
    """The replica's connection: up, or refusing every connection."""

    def __init__(self, up=True):
        self.up = up
        self.attempts = 0

    def close_if_health_check_failed(self):
        pass

    def ensure_connection(self):
        self.attempts += 1
        if not self.up:
            raise OperationalError("connection to server at 127.0.0.1, port 15433 failed: Connection refused")


@pytest.fixture(autouse=True)
def replica(monkeypatch):
    replica = Replica()
    monkeypatch.setattr(database, "connections", {"default": connections["default"], "replica": replica})
    monkeypatch.setattr(database, "_replica_down_until", 0.0)
    return replica


def route_during(request):
    """The alias the router picks for a read made while `request` is handled."""
    seen = {}

    def view(request):
        seen["read"] = router.db_for_read(DutyItem)
        seen["write"] = router.db_for_write(DutyItem)
        seen["pinned"] = pinned_to_primary()
        return HttpResponse()

    seen["response"] = PrimaryDatabaseMiddleware(view)(request)
    return seen


@override_settings(DATABASES=WITH_REPLICA)
def test_anonymous_reads_go_to_the_replica():
    seen = route_during(RequestFactory().get("/jiangxi/"))
    assert (seen["read"], seen["write"], seen["pinned"]) == ("replica", "default", False)
    assert PRIMARY_COOKIE not in seen["response"].cookies


@override_settings(DATABASES=WITH_REPLICA)
def test_writes_pin_the_whole_request_to_the_primary():
    assert route_during(RequestFactory().post("/reports/"))["read"] == "default"


@override_settings(DATABASES=WITH_REPLICA)
def test_a_signed_in_user_reads_their_own_writes_from_the_primary():
    request = RequestFactory().get("/reports/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "a-session"
    assert route_during(request)["read"] == "default"


@override_settings(DATABASES=WITH_REPLICA)
def test_the_pin_ends_with_the_request():
    route_during(RequestFactory().post("/reports/"))
    assert pinned_to_primary() is False
    assert router.db_for_read(DutyItem) == "replica"


def test_without_a_replica_everything_uses_the_primary():
    assert route_during(RequestFactory().get("/jiangxi/"))["read"] == "default"


def test_migrations_run_only_on_the_primary():
    assert router.allow_migrate("default", "duties") is True
    assert router.allow_migrate("replica", "duties") is False


@override_settings(DATABASES=WITH_REPLICA, READ_YOUR_WRITES_SECONDS=10)
def test_the_browser_that_wrote_reads_from_the_primary_for_a_few_seconds():
    """A citizen who filed a problem is sent to its page: that read must not miss the new row on a lagging replica."""
    cookie = route_during(RequestFactory().post("/problems/report/"))["response"].cookies[PRIMARY_COOKIE]
    assert cookie["max-age"] == 10 and cookie["httponly"]
    follow = RequestFactory().get("/problems/p/abc/")
    follow.COOKIES[PRIMARY_COOKIE] = cookie.value
    assert route_during(follow)["read"] == "default"
    assert route_during(RequestFactory().get("/problems/p/abc/"))["read"] == "replica"  # once the cookie expired


@override_settings(DATABASES=WITH_REPLICA)
def test_reads_inside_a_transaction_go_to_the_primary(monkeypatch):
    monkeypatch.setattr(connections["default"], "in_atomic_block", True)
    assert router.db_for_read(DutyItem) == "default"


@override_settings(DATABASES=WITH_REPLICA)
def test_while_the_replica_is_down_reads_go_to_the_primary_and_it_is_tried_again_later(replica, monkeypatch):
    replica.up = False
    assert [router.db_for_read(DutyItem) for _ in range(5)] == ["default"] * 5
    assert replica.attempts == 1  # one refused connection, not one per query
    replica.up = True
    later = database.time.monotonic() + database.REPLICA_RETRY_SECONDS + 1
    monkeypatch.setattr(database.time, "monotonic", lambda: later)
    assert router.db_for_read(DutyItem) == "replica"


def test_without_a_replica_writes_set_no_cookie():
    assert PRIMARY_COOKIE not in route_during(RequestFactory().post("/problems/report/"))["response"].cookies
