"""Public reads go to the replica when there is one; writes and signed-in users stay on the primary."""

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from duties.models import DutyItem
from portal.database import PrimaryDatabaseMiddleware, PrimaryReplicaRouter, pinned_to_primary

# The router reads settings.DATABASES; no connection to the replica alias is opened here.
pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")

WITH_REPLICA = {**settings.DATABASES, "replica": settings.DATABASES["default"]}
router = PrimaryReplicaRouter()


def route_during(request):
    """The alias the router picks for a read made while `request` is handled."""
    seen = {}

    def view(request):
        seen["read"] = router.db_for_read(DutyItem)
        seen["write"] = router.db_for_write(DutyItem)
        seen["pinned"] = pinned_to_primary()
        return HttpResponse()

    PrimaryDatabaseMiddleware(view)(request)
    return seen


@override_settings(DATABASES=WITH_REPLICA)
def test_anonymous_reads_go_to_the_replica():
    assert route_during(RequestFactory().get("/jiangxi/")) == {"read": "replica", "write": "default", "pinned": False}


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
