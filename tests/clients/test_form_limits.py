"""Every public form is limited per client: the forms are found on the public pages (not listed by hand),
each is submitted past its limit, and the 429 says in Chinese when to try again, with Retry-After."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.cache import cache
from django.test import override_settings

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/jiangxi/",
    "/jiangxi/departments/shui-li-ting/",
    "/jiangxi/duties/36000001001/",
    "/search/",
    "/sectors/",
    "/reports/",
    "/accounts/login/",
    "/admin/login/",
]
SAMPLE_VALUES = {"q": "扬尘", "as_of": "2025-12-31", "username": "nobody", "password": "wrong", "care_mode": "1"}


class FormCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action"), "fields": {}}
            )
        elif tag in ("input", "select", "textarea", "button") and self.forms and attrs.get("name"):
            if attrs.get("type") in ("submit", "checkbox", "radio") and attrs["name"] in self.forms[-1]["fields"]:
                return
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""


def public_forms(client):
    """Each distinct form on the public pages: (method, path, the data a visitor would submit)."""
    found = {}
    for page in PUBLIC_PAGES:
        response = client.get(page)
        assert response.status_code == 200, page
        collector = FormCollector()
        collector.feed(response.content.decode())
        for form in collector.forms:
            path = urlsplit(urljoin(page, form["action"] or page)).path
            data = {name: SAMPLE_VALUES.get(name, value) for name, value in form["fields"].items()}
            data.pop("csrfmiddlewaretoken", None)  # the test client does not check CSRF
            found.setdefault((form["method"], path, tuple(sorted(data))), data)
    return found


LIMITS = override_settings(LOGIN_THROTTLE_RATE="2/min", PUBLIC_FORM_THROTTLE_RATE="2/min")


@LIMITS
def test_the_public_pages_hold_the_forms_we_expect_to_be_limited(client):
    targets = {(method, path) for method, path, _fields in public_forms(client)}
    assert {
        ("get", "/search/"),
        ("get", "/jiangxi/"),
        ("get", "/jiangxi/departments/shui-li-ting/"),
        ("post", "/preferences/care-mode/"),
        ("post", "/accounts/login/"),
        ("post", "/admin/login/"),
    } <= targets


@LIMITS
def test_every_public_form_is_limited_per_client_with_retry_after(client):
    forms = public_forms(client)
    assert len(forms) >= 7
    for (method, path, _fields), data in forms.items():
        cache.clear()
        submit = getattr(client, method)
        statuses = [submit(path, data).status_code for _ in range(2)]
        assert 429 not in statuses, (method, path, statuses)
        response = submit(path, data)
        assert response.status_code == 429, (method, path)
        assert 0 < int(response["Retry-After"]) <= 60, (method, path)
        assert "请求过于频繁" in response.content.decode(), (method, path)
        other_client = {"REMOTE_ADDR": "192.0.2.77"}
        assert submit(path, data, **other_client).status_code != 429, (method, path)
    cache.clear()


@LIMITS
def test_reading_a_page_is_not_a_form_submission(client):
    for _ in range(4):
        assert client.get("/jiangxi/departments/shui-li-ting/").status_code == 200
        assert client.get("/search/").status_code == 200


@override_settings(LOGIN_THROTTLE_RATE="3/min", TRUSTED_PROXY_COUNT=1)
def test_sign_in_attempts_are_counted_per_address_across_usernames(client):
    """Password spraying (one address, many names) is stopped although no single name reaches its lockout."""
    through_proxy = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    statuses = [
        client.post("/accounts/login/", {"username": f"name{n}", "password": "x"}, **through_proxy).status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    elsewhere = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.6"}
    assert client.post("/accounts/login/", {"username": "name9", "password": "x"}, **elsewhere).status_code == 200
