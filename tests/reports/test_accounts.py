"""Signing in and out in Chinese, throttled failed logins, password change, sessions that end."""

from datetime import timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def test_login_page_is_in_chinese_with_a_csrf_token(client):
    page = client.get(LOGIN).content.decode()
    assert "工作人员登录" in page and "用户名" in page and "密码" in page
    assert "csrfmiddlewaretoken" in page


def test_a_staff_member_signs_in_and_lands_on_the_workspace(client, editor):
    response = client.post(LOGIN, {"username": "editor", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("reports:workspace")
    assert "年度专题报告工作台" in response.content.decode()


def test_a_wrong_password_is_explained_in_chinese(client, editor):
    response = client.post(LOGIN, {"username": "editor", "password": "wrong"})
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()


def test_failed_logins_are_throttled_even_for_the_right_password(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "editor", "password": "wrong"})
    response = client.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert response.status_code == 429
    assert "登录已暂停" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_resets_the_count(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(LOGIN, {"username": "editor", "password": "wrong"})
    assert client.post(LOGIN, {"username": "editor", "password": PASSWORD}).status_code == 302
    client.post(reverse("reports:logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(LOGIN, {"username": "editor", "password": "wrong"})
    assert client.post(LOGIN, {"username": "editor", "password": PASSWORD}).status_code == 302


def test_a_next_address_on_another_site_is_ignored(client, editor):
    response = client.post(LOGIN + "?next=https://evil.example/", {"username": "editor", "password": PASSWORD})
    assert response["Location"] == reverse("reports:workspace")


def test_logout_is_a_post_and_ends_the_session(client, editor):
    client.force_login(editor)
    assert client.get(reverse("reports:logout")).status_code == 405
    client.post(reverse("reports:logout"))
    assert client.get(reverse("reports:workspace")).status_code == 302


def test_password_change(client, editor):
    client.force_login(editor)
    url = reverse("reports:password_change")
    assert "修改密码" in client.get(url).content.decode()
    new = "a-new-Long-passphrase-42"
    response = client.post(url, {"old_password": PASSWORD, "new_password1": new, "new_password2": new}, follow=True)
    assert "密码已修改" in response.content.decode()
    editor.refresh_from_db()
    assert editor.check_password(new)


def test_password_change_errors_are_shown_in_chinese(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("reports:password_change"), {"old_password": "x", "new_password1": "1", "new_password2": "2"}
    )
    assert response.status_code == 200
    assert "旧密码不正确" in response.content.decode()


def test_sessions_expire_after_the_configured_age_and_with_the_browser(client, editor):
    client.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert client.session.get_expiry_age() <= 8 * 3600
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["max-age"]  # a browser-session cookie


def test_the_workspace_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(reverse("reports:workspace"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


# Lockouts: by username and client address together, the address as the trusted proxy reports it.

PROXY = "10.0.0.2"


def from_address(address, written_by_client=None):
    chain = f"{written_by_client}, {address}" if written_by_client else address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": chain}


def fail_until_locked(client, username="editor", **headers):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": username, "password": "wrong"}, **headers)


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_failures_from_another_address_do_not_lock_the_user_out_from_theirs(client, editor):
    fail_until_locked(client, **from_address("198.51.100.66"))
    assert (
        client.post(LOGIN, {"username": "editor", "password": PASSWORD}, **from_address("198.51.100.66")).status_code
        == 429
    )
    response = client.post(LOGIN, {"username": "editor", "password": PASSWORD}, **from_address("203.0.113.5"))
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:workspace")


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_writing_x_forwarded_for_does_not_escape_a_lockout(client, editor):
    fail_until_locked(client, **from_address("198.51.100.66"))
    forged = from_address("198.51.100.66", written_by_client="203.0.113.5")
    assert client.post(LOGIN, {"username": "editor", "password": PASSWORD}, **forged).status_code == 429


def test_a_locked_user_is_told_until_when_with_retry_after(client, editor):
    fail_until_locked(client)
    before = timezone.now()
    response = client.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert response.status_code == 429
    cool_off = settings.AXES_COOLOFF_TIME * 3600
    assert cool_off - 5 <= int(response["Retry-After"]) <= cool_off
    until = timezone.localtime(before + timedelta(seconds=int(response["Retry-After"])), ZoneInfo("Asia/Shanghai"))
    page = response.content.decode()
    assert "登录已暂停" in page
    assert f"请在 {until:%Y}年{until.month}月{until.day}日 {until:%H:%M}（北京时间）之后再试" in page


def test_retrying_during_a_lockout_does_not_prolong_it(client, editor):
    fail_until_locked(client)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=10))
    response = client.post(LOGIN, {"username": "editor", "password": "wrong"})
    remaining = settings.AXES_COOLOFF_TIME * 3600 - 600
    assert response.status_code == 429
    assert remaining - 5 <= int(response["Retry-After"]) <= remaining


def test_the_lockout_ends_by_itself_after_the_cool_off(client, editor):
    fail_until_locked(client)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME, seconds=1))
    assert client.post(LOGIN, {"username": "editor", "password": PASSWORD}).status_code == 302


def test_an_admin_unlocks_an_account_with_the_command(client, editor):
    fail_until_locked(client)
    call_command("axes_reset_username", "editor", stdout=StringIO())
    assert client.post(LOGIN, {"username": "editor", "password": PASSWORD}).status_code == 302


def test_an_admin_unlocks_an_account_in_the_admin(client, editor, site_admin):
    fail_until_locked(client)
    admin_client = Client()
    admin_client.force_login(site_admin)
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert "editor" in admin_client.get(changelist).content.decode()
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    response = admin_client.post(
        changelist, {"action": "delete_selected", "_selected_action": attempts, "post": "yes"}, follow=True
    )
    assert response.status_code == 200
    assert not AccessAttempt.objects.exists()
    assert client.post(LOGIN, {"username": "editor", "password": PASSWORD}).status_code == 302
