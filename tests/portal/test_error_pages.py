"""Every error page is in Chinese, in the portal's layout, with a way back; none tells the public about DEBUG."""

import pytest
from django.test import Client, RequestFactory
from pytest_django.asserts import assertContains, assertNotContains

from portal.database import database_unavailable_response

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.portal.error_urls")]


@pytest.fixture(autouse=True)
def debug_off(settings):
    settings.DEBUG = False


def assert_portal_error_page(response, status, heading):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assertContains(response, '<html lang="zh-CN"', status_code=status)
    assertContains(response, f"<h1>{heading}</h1>", status_code=status, html=False)
    assertContains(response, '<a href="/">返回首页，选择省份</a>', status_code=status)
    assertContains(response, 'class="site-header"', status_code=status)
    assertContains(response, "12369", status_code=status)
    assertNotContains(response, "DEBUG", status_code=status)


def test_not_found(client):
    assert_portal_error_page(client.get("/no-such-province/"), 404, "找不到这个页面")


def test_permission_denied(client):
    response = client.get("/test-deny/")
    assert_portal_error_page(response, 403, "您没有查看这个页面的权限")
    assertContains(response, "用其他账号登录", status_code=403)


def test_permission_denied_on_the_api_is_json(client):
    response = client.get("/api/test-deny/")
    assert response.status_code == 403 and response.json() == {"detail": "没有权限进行这项操作。"}


def test_a_form_without_its_csrf_token_says_what_to_do_not_how_to_debug():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/preferences/care-mode/", {"care_mode": "1"}, headers={"referer": "http://testserver/jiangxi/"}
    )
    assert_portal_error_page(response, 403, "表单已过期，请重新提交")
    assertContains(response, '<a href="http://testserver/jiangxi/">返回上一页</a>', status_code=403)
    assertNotContains(response, "CSRF", status_code=403)


def test_the_csrf_page_never_links_back_to_another_site():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/preferences/care-mode/", headers={"referer": "https://evil.example/"})
    assertNotContains(response, "evil.example", status_code=403)


def test_method_not_allowed_keeps_allow(client):
    response = client.get("/preferences/care-mode/")
    assert_portal_error_page(response, 405, "这个地址不能直接打开")
    assert response["Allow"] == "POST"


def test_server_error_needs_no_database_and_no_context_processor(settings, django_assert_num_queries):
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "OPTIONS": {
                "context_processors": [
                    *settings.TEMPLATES[0]["OPTIONS"]["context_processors"],
                    "tests.portal.error_urls.broken_context",
                ]
            },
        }
    ]
    client = Client(raise_request_exception=False)
    client.cookies["care_mode"] = "1"
    with django_assert_num_queries(0):
        response = client.get("/test-fail/")
    assert_portal_error_page(response, 500, "服务暂时出错")
    assertContains(response, 'class="care-mode"', status_code=500)  # the reader's 关怀版 holds
    assertNotContains(response, "<form", status_code=500)  # no form that would need the session


def test_database_unavailable_page(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = database_unavailable_response(RequestFactory().get("/jiangxi/"))
    assert_portal_error_page(response, 503, "服务暂时不可用")
    assert response["Retry-After"] == "30"
