"""An unreachable database gives a clean 503 with Retry-After, never a 500; /healthz says so."""

import errno
from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    # Let the 500 handler answer instead of the test client re-raising the exception.
    return Client(raise_request_exception=False)


@pytest.fixture
def database_down():
    error = OperationalError("could not connect to server: Connection refused")
    with (
        mock.patch("duties.selectors.provinces_with_counts", side_effect=error),
        mock.patch("duties.selectors.departments_of", side_effect=error),
    ):
        yield


def test_page_answers_503_with_retry_after_while_the_database_is_down(client, database_down):
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "数据库暂时无法访问" in response.content.decode()


def test_the_503_page_keeps_the_reader_s_care_mode(client, database_down):
    client.cookies["care_mode"] = "1"
    response = client.get("/")
    assert response.status_code == 503 and 'class="care-mode"' in response.content.decode()
    client.cookies["care_mode"] = ""
    assert 'class="care-mode"' not in client.get("/").content.decode()


def test_recovery_after_outage(client):
    with mock.patch("duties.selectors.departments_of", side_effect=OperationalError("server closed the connection")):
        assert client.get("/jiangxi/").status_code == 503
    assert client.get("/jiangxi/").status_code == 200


def test_api_clients_get_json_503(client, database_down):
    response = client.get("/", HTTP_ACCEPT="application/json")
    assert response.status_code == 503
    assert response.json() == {"detail": "数据库暂时无法访问，请稍后再试。"}


def test_other_errors_still_give_the_500_page(client):
    with mock.patch("duties.selectors.provinces_with_counts", side_effect=RuntimeError("bug")):
        response = client.get("/")
    assert response.status_code == 500
    assert "服务暂时出错" in response.content.decode()


def test_health_reports_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_reports_503_when_the_database_fails(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["databases"]["default"] == "unavailable: OperationalError"


def test_health_stays_200_while_only_the_replica_is_down(client):
    """Reads fall back to the primary: a load balancer must not take every app server out for the replica."""

    class DownReplica:
        def cursor(self):
            raise OperationalError("connection refused")

    with mock.patch("portal.health.connections", {"default": connections["default"], "replica": DownReplica()}):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "databases": {"default": "ok", "replica": "unavailable: OperationalError"},
    }


def test_a_full_storage_is_a_507_that_says_so(client):
    full = OSError(errno.ENOSPC, "No space left on device")
    with mock.patch("duties.selectors.provinces_with_counts", side_effect=full):
        response = client.get("/")
    assert response.status_code == 507 and response["Retry-After"] == "300"
    assert "存储空间已满" in response.content.decode()
