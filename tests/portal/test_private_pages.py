"""Private pages are never stored by a browser or a proxy: every URL pattern of the URLconf is tried, those that
send an anonymous visitor to sign in (the workspace, drafts, the compliance board, the admin) are private, and
each answers `Cache-Control: private, no-store`, to the anonymous visitor and to the signed-in user alike."""

import re

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

from duties.models import Department, Jurisdiction
from reports import services
from reports.models import Report
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return factories.make_editor(Department.objects.get(pk=360000001), username="editor")


@pytest.fixture
def supervisor():
    return factories.make_supervisor(Jurisdiction.objects.get(code="360000"), username="supervisor")


@pytest.fixture
def site_admin():
    return factories.make_user(superuser=True, username="site-admin")


@pytest.fixture
def draft(editor):
    return services.report_create(user=editor, department=Department.objects.get(pk=360000001), year=2024)


def url_patterns(patterns=None, prefix="", namespace=None):
    """Every pattern of the URLconf: (its route with the includes' prefixes, its namespace)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + _route(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern.url_patterns, route, pattern.namespace or namespace)
        else:
            yield route, namespace


def _route(pattern):
    text = str(pattern)
    if isinstance(pattern, RegexPattern):
        # The admin's app index names its apps as alternatives: take one; anything else is a sample value.
        text = re.sub(r"\(\?P<app_label>([^|)]+)[^)]*\)", r"\1", text)
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", text).lstrip("^").rstrip("$").replace("\\", "")
    return text


def concrete(route, samples):
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda match: str(samples[match.group(1)]), route)


@pytest.fixture
def samples(draft):
    return {
        "pk": draft.pk,
        "object_id": draft.pk,
        "content_type_id": ContentType.objects.get_for_model(Report).pk,
        "province": draft.department.jurisdiction.slug,
        "department": draft.department.slug,
        "year": draft.year,
        "number": 1,
        "quarter": 1,
        "section": "duties",
        "service_code": "air",
        "service_request_id": "2026-000001",
        "key": "nothing-here",
        "code": 360100,
        "sector": "housing-construction",
        "fmt": "csv",
        "url": "nothing-here",
        "id": 1,
        "row": 1,
        "action": "up",
    }


def asks_to_sign_in(response):
    sign_in = (resolve_url(settings.LOGIN_URL), resolve_url("admin:login"))
    return response.status_code in (301, 302) and response["Location"].startswith(sign_in)


def private_urls(samples):
    """The URLs an anonymous visitor is sent to sign in from, and the sign-in pages themselves."""
    found = {resolve_url(settings.LOGIN_URL): None, resolve_url("admin:login"): "admin"}
    anonymous = Client()
    for route, namespace in url_patterns():
        url = concrete(route, samples)
        response = anonymous.get(url)
        if asks_to_sign_in(response):
            found[url] = namespace
    return found


def is_private(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


def test_every_private_url_is_sent_private_and_not_stored(samples, editor, supervisor, site_admin):
    found = private_urls(samples)
    # The discovery found what the issue names, so that an empty list cannot pass.
    for expected in ("/workspace/", f"/workspace/reports/{samples['pk']}/", "/admin/", "/admin/reports/report/"):
        assert expected in found
    assert f"/workspace/compliance/{samples['province']}/{samples['year']}/" in found
    assert len(found) > 50
    signed_in = {}
    for user in (editor, supervisor, site_admin):
        signed_in[user.username] = Client()
        signed_in[user.username].force_login(user)
    failures = []
    for url, namespace in found.items():
        if not is_private(Client().get(url)):
            failures.append(("anonymous", url))
        users = ["site-admin"] if namespace == "admin" else list(signed_in)
        for username in users:
            response = signed_in[username].get(url)
            if not is_private(response):
                failures.append((username, url, response.status_code))
    assert failures == []


def test_the_private_pages_answer_their_users(samples, editor, supervisor, site_admin):
    """Not only redirects and errors are private: the pages themselves, as their users see them."""
    pages = [
        (editor, "/workspace/"),
        (editor, f"/workspace/reports/{samples['pk']}/"),
        (supervisor, f"/workspace/compliance/{samples['province']}/{samples['year']}/"),
        (site_admin, "/admin/"),
        (site_admin, f"/admin/reports/report/{samples['pk']}/change/"),
        (editor, "/accounts/password/"),
    ]
    for user, url in pages:
        client = Client()
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, url
        assert is_private(response), url


def test_public_pages_stay_cacheable_for_anonymous_visitors(client):
    for url in ("/", "/jiangxi/", "/api/v1/sectors/", "/reports/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" not in response.get("Cache-Control", ""), url


def test_a_public_page_shown_to_a_signed_in_user_is_private(client, editor):
    """What it shows may depend on who asks (the account bar, a draft's attachment)."""
    client.force_login(editor)
    assert is_private(client.get("/jiangxi/"))
