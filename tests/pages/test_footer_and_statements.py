"""The footer names the site's owner and filings only when they are set, and links the statements and help."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

pytestmark = pytest.mark.django_db

IDENTITY = {
    "SITE_OWNER": "江西省生态环境保护委员会办公室",
    "SITE_IDENTIFIER": "3600000001",
    "SITE_ICP_NUMBER": "赣ICP备12345678号-1",
    "SITE_PUBLIC_SECURITY_NUMBER": "赣公网安备 36010202000001号",
    "SITE_CONTACT_PHONE": "0791-00000000",
}


def footer(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


def test_nothing_is_invented_when_nothing_is_set(client, settings):
    for name in [*IDENTITY, "SITE_CONTACT_EMAIL", "SITE_CONTACT_ADDRESS"]:
        setattr(settings, name, "")
    text = footer(client.get("/"))
    for label in ("主办单位", "网站标识码", "ICP", "公网安备", "联系我们", "beian"):
        assert label not in text


def test_each_setting_is_shown_with_its_register(client, settings):
    for name, value in IDENTITY.items():
        setattr(settings, name, value)
    text = footer(client.get("/jiangxi/"))
    assert "主办单位：江西省生态环境保护委员会办公室" in text
    assert "网站标识码：3600000001" in text
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">赣ICP备12345678号-1</a>' in text
    assert "https://beian.mps.gov.cn/#/query/webSearch?code=36010202000001" in text
    assert f'<a href="{reverse("pages:contact")}">联系我们</a>' in text
    contact = client.get(reverse("pages:contact"))
    assertContains(contact, '<a href="tel:0791-00000000">0791-00000000</a>')


def test_footer_links_the_statements_the_hotline_the_report_form_and_the_api(client):
    text = footer(client.get("/"))
    for href in (
        reverse("pages:privacy"),
        reverse("pages:accessibility"),
        reverse("problems:new"),
        reverse("api-docs"),
        "tel:12369",
    ):
        assert f'href="{href}"' in text


def test_privacy_statement_states_the_retention_the_code_applies(client, settings):
    settings.PROBLEM_CONTACT_RETENTION_DAYS = 90
    settings.PROBLEM_REPORTS_PER_HOUR = 7
    response = client.get(reverse("pages:privacy"))
    assertContains(response, "撤回 90 天后，联系方式从数据库中删除")
    assertContains(response, "一小时内最多提交 7 个问题")
    assertContains(response, "元数据不会保存")


def test_accessibility_statement_names_the_standards_and_the_known_limits(client):
    response = client.get(reverse("pages:accessibility"))
    assertContains(response, "GB/T 37668")
    assertContains(response, "WCAG 2.1 AA")
    assertContains(response, "已知的不足")


def test_signing_out_lands_on_a_page_that_says_so(client, django_user_model):
    user = django_user_model.objects.create_user("clerk", password="clerk-password-1")
    client.force_login(user)
    assertContains(client.get("/"), f'<a href="{reverse("reports:workspace")}">工作台</a>')
    response = client.post(reverse("reports:logout"), follow=True)
    assertContains(response, "您已退出登录")
    assertContains(response, f'<a href="{reverse("reports:login")}">登录</a>')
    assertNotContains(response, ">工作台</a>")


def test_the_print_stylesheet_writes_this_sites_origin_before_its_addresses(client):
    response = client.get(reverse("pages:print_links"))
    assert response["Content-Type"].startswith("text/css")
    assert 'content: " (http://testserver" attr(href) ")"' in response.content.decode()
    assertContains(client.get("/"), f'<link rel="stylesheet" href="{reverse("pages:print_links")}" media="print">')
