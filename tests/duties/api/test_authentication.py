"""The public API signs nobody in through HTTP: an Authorization header is ignored, never hashed, never
locks anyone out and never turns a public read into an error; only a signed-in user's session counts."""

import base64
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import hashers
from django.test import override_settings

from tests import factories

pytestmark = pytest.mark.django_db

URL = "/api/v1/duties/36000001001/"


def basic(username, password):
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


@pytest.fixture
def hasher_spy(monkeypatch):
    """Every password check and every hash Django makes asks get_hasher (check_password, make_password)."""
    spy = mock.Mock(wraps=hashers.get_hasher)
    monkeypatch.setattr(hashers, "get_hasher", spy)
    return spy


def test_only_sessions_authenticate_api_requests():
    assert settings.REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] == [
        "rest_framework.authentication.SessionAuthentication"
    ]


@pytest.mark.parametrize(
    "header",
    [
        basic("random-name-4821", "x"),
        basic("api-user", factories.PASSWORD),  # valid credentials: still nobody
        "Basic !!!not-base64",
        "Basic " + base64.b64encode(b"no-colon").decode(),
        "Bearer abc.def.ghi",
        "Token 0123456789abcdef",
        "Digest username=x",
    ],
)
def test_an_authorization_header_on_a_public_read_is_ignored_never_hashed(client, hasher_spy, header):
    factories.make_user(username="api-user")
    hasher_spy.reset_mock()
    response = client.get(URL, HTTP_AUTHORIZATION=header)
    assert response.status_code == 200
    assert response.json()["id"] == 36000001001
    hasher_spy.assert_not_called()
    assert not AccessAttempt.objects.exists()


def test_the_spy_sees_a_real_password_check(client, hasher_spy):
    """The control: signing in on the login page does check a password, and the spy sees it."""
    factories.make_user(username="api-user")
    hasher_spy.reset_mock()
    client.post("/accounts/login/", {"username": "api-user", "password": factories.PASSWORD})
    assert hasher_spy.called


@override_settings(API_ANON_THROTTLE_RATE="2/min")
def test_valid_basic_credentials_are_throttled_like_anyone(client):
    factories.make_user(username="api-user")
    header = basic("api-user", factories.PASSWORD)
    assert [client.get(URL, HTTP_AUTHORIZATION=header).status_code for _ in range(3)] == [200, 200, 429]


@override_settings(API_ANON_THROTTLE_RATE="2/min")
def test_the_throttle_answers_before_any_credential_is_looked_at(client, hasher_spy):
    header = basic("random-name", "x")
    statuses = [client.get(URL, HTTP_AUTHORIZATION=header).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    hasher_spy.assert_not_called()


def test_a_signed_in_users_session_is_read(client):
    user = factories.make_user(username="staff")
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.wsgi_request.user == user
