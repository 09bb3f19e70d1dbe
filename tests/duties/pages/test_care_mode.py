"""The elder-friendly switch is a plain form: it works without JavaScript and is remembered."""

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

pytestmark = pytest.mark.django_db


def test_switch_turns_on_the_mode_and_returns_to_the_page(client):
    response = client.post("/preferences/care-mode/", {"care_mode": "1", "next": "/jiangxi/"})
    assert response.status_code == 302 and response["Location"] == "/jiangxi/"
    assertContains(client.get("/henan/"), '<html lang="zh-CN" class="care-mode">')
    client.post("/preferences/care-mode/", {"care_mode": "0", "next": "/henan/"})
    assertNotContains(client.get("/henan/"), 'class="care-mode"')


def test_switch_never_redirects_to_another_site(client):
    response = client.post("/preferences/care-mode/", {"care_mode": "1", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_switch_requires_a_post_with_a_csrf_token():
    client = Client(enforce_csrf_checks=True)
    assert client.get("/preferences/care-mode/").status_code == 405
    assert client.post("/preferences/care-mode/", {"care_mode": "1"}).status_code == 403
    page = client.get("/")
    assertContains(page, 'name="csrfmiddlewaretoken"')
