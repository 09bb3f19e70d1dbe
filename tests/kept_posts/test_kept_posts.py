"""A clerk who saves after the session ended (8 hours, a logout or a sign-in in another tab) loses nothing."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kept_posts import services
from kept_posts.models import KeptPost
from kept_posts.views import PAGE_EXPIRED_KEPT, SESSION_ENDED, SESSION_ENDED_KEPT
from reports.models import Report
from tests.factories import PASSWORD
from tests.reports.test_views import form_data

pytestmark = pytest.mark.django_db
TYPED = "三个小时写成的总体情况：全年推进城乡建设领域污染防治。"


def token_in(page: str) -> str:
    return re.search(r'name="kept_post_token" value="([^"]+)"', page).group(1)


def opened_form(client, url):
    """The form page as the clerk loaded it: its CSRF and keeping tokens."""
    page = client.get(url).content.decode()
    return {
        "csrfmiddlewaretoken": csrf_token_in(page),
        "kept_post_token": token_in(page),
    }


def csrf_token_in(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def sign_in(client, username, next_url):
    login_url = reverse("reports:login") + f"?next={next_url}"
    token = csrf_token_in(client.get(login_url).content.decode())
    credentials = {"username": username, "password": PASSWORD, "next": next_url, "csrfmiddlewaretoken": token}
    return client.post(login_url, credentials, follow=True)


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_a_save_after_the_session_ended_is_kept_and_restored_after_signing_in(csrf_client, editor, draft):
    url = reverse("reports:report_edit", args=[draft.pk])
    sign_in(csrf_client, "editor", url)
    tokens = opened_form(csrf_client, url)
    csrf_client.cookies.pop("sessionid")  # the 8 hours are up: the browser no longer sends the session

    response = csrf_client.post(url, {**form_data(draft, overall=TYPED), **tokens}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("reports:login") + f"?next={url}"
    assert str(SESSION_ENDED_KEPT) in response.content.decode()
    kept = KeptPost.objects.get()
    assert kept.user == editor and kept.path == url
    assert TYPED.encode() not in bytes(kept.payload)  # stored encrypted
    assert Report.objects.get(pk=draft.pk).overall == ""  # nothing written without a session

    page = sign_in(csrf_client, "editor", url).content.decode()
    assert TYPED in page
    assert "因登录失效未能保存的内容" in page
    assert not KeptPost.objects.exists()  # back in the form, not kept twice
    assert "因登录失效" not in csrf_client.get(url).content.decode()


def test_a_logout_in_another_tab_then_a_sign_in_there_rotates_the_csrf_token_and_the_text_survives(
    csrf_client, editor, draft
):
    url = reverse("reports:report_edit", args=[draft.pk])
    sign_in(csrf_client, "editor", url)
    tokens = opened_form(csrf_client, url)
    csrf_client.post(reverse("reports:logout"), {"csrfmiddlewaretoken": tokens["csrfmiddlewaretoken"]})
    sign_in(csrf_client, "editor", url)  # the other tab signs in again: a new CSRF secret

    response = csrf_client.post(url, {**form_data(draft, overall=TYPED), **tokens}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[0] == (url, 302)
    page = response.content.decode()
    assert str(PAGE_EXPIRED_KEPT) in page
    assert TYPED in page
    assert Report.objects.get(pk=draft.pk).overall == ""  # a stale CSRF token never writes


def test_a_stale_csrf_token_without_the_keeping_token_is_still_refused(csrf_client, editor, draft):
    url = reverse("reports:report_edit", args=[draft.pk])
    sign_in(csrf_client, "editor", url)
    response = csrf_client.post(url, {**form_data(draft, overall=TYPED), "csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403
    assert not KeptPost.objects.exists()


def test_a_forged_or_misdirected_token_keeps_nothing(client, editor, draft, other_department):
    url = reverse("reports:report_edit", args=[draft.pk])
    other_url = reverse("reports:report_edit", args=[draft.pk + 1000])
    for token in ("forged", services.kept_post_token(user=editor, path=other_url)):
        response = client.post(url, {**form_data(draft, overall=TYPED), "kept_post_token": token}, follow=True)
        assert str(SESSION_ENDED) in response.content.decode()
    assert not KeptPost.objects.exists()


def test_what_was_kept_for_one_account_is_never_shown_to_another(client, editor, approver, draft):
    url = reverse("reports:report_edit", args=[draft.pk])
    token = services.kept_post_token(user=editor, path=url)
    client.post(url, {**form_data(draft, overall=TYPED), "kept_post_token": token})
    assert TYPED not in sign_in(client, "approver", url).content.decode()
    assert KeptPost.objects.filter(user=editor).exists()


def test_a_kept_post_expires(client, editor, draft, settings):
    url = reverse("reports:report_edit", args=[draft.pk])
    token = services.kept_post_token(user=editor, path=url)
    client.post(url, {**form_data(draft, overall=TYPED), "kept_post_token": token})
    KeptPost.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert TYPED not in sign_in(client, "editor", url).content.decode()
    assert services.kept_posts_purge() == 1


def test_the_plan_form_keeps_its_text_too(client, editor, plan):
    url = plan.get_workspace_url()
    client.force_login(editor)
    token = token_in(client.get(url).content.decode())
    client.logout()
    entry = plan.entries.first()
    typed = {"version": plan.version, "overall_goal": TYPED, f"entry-{entry.pk}-goal": "目标", "kept_post_token": token}
    client.post(url, typed)
    page = sign_in(client, "editor", url).content.decode()
    assert TYPED in page
