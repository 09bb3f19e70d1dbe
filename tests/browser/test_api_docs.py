"""The API documentation: every operation of the schema on one page of the portal, in Chinese, accessible, with
nothing loaded from elsewhere and no lock icons (the API is public)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_api_docs_list_every_operation_in_chinese_without_csp_violations(site, page):
    blocked = []
    requests_elsewhere = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    page.on("request", lambda request: not request.url.startswith(site) and requests_elsewhere.append(request.url))
    page.goto(site + "/api/docs/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.get_by_role("heading", level=1)).to_have_text("数据接口（API）文档")
    # Every operation of the schema is on the page, under its path.
    schema = page.request.get(site + "/api/schema/?format=json").json()
    operations = [(method.upper(), path) for path, methods in schema["paths"].items() for method in methods]
    assert len(operations) >= 32
    assert page.locator(".api-operation").count() == len(operations)
    titles = page.locator(".api-operation h3").all_inner_texts()
    assert all(any(f"{method} {path}" in title for title in titles) for method, path in operations)
    expect(page.get_by_role("heading", name="具体事项", exact=True)).to_be_visible()
    # Nothing asks for credentials: no lock, no "Authorize".
    assert page.locator("[class*=lock], [class*=authoriz], [aria-label*=lock i]").count() == 0
    screenshot(page, "api-docs")
    assert blocked == []
    assert requests_elsewhere == []


def test_an_operation_opens_in_the_browser(site, page):
    page.goto(site + "/api/docs/")
    page.locator("#provinces_list").get_by_role("link", name="在浏览器中打开").click()
    assert page.evaluate("JSON.parse(document.body.innerText).results.length") >= 1
