"""Signing in and out in Chinese, throttled failed logins, password change, sessions that end."""

import pytest
from django.conf import settings
from django.urls import reverse

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
