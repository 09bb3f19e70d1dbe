"""A citizen finds a department's duties and the provision they come from, on desktop and phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import blocking_accessibility_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_to_provision_through_province_department_and_duty(site, page):
    page.goto(site + "/")
    screenshot(page, "home-desktop")
    page.get_by_role("link", name="江西省", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("江西省")

    page.get_by_role("link", name="江西省住房和城乡建设厅").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("江西省住房和城乡建设厅")
    screenshot(page, "department-desktop")

    page.locator(".duty__text").first.click()
    expect(page.get_by_role("heading", name="责任部门")).to_be_visible()
    expect(page.locator(".duty-roles")).to_contain_text("省住房城乡建设厅")
    screenshot(page, "duty-desktop")

    page.locator("a", has_text="江西省推动职能部门做好生态环境保护工作的实施意见").first.click()
    expect(page).to_have_url(re.compile(r"/jiangxi/documents/\d+/#annex-d\d+-i\d+$"))
    anchor = page.url.split("#", 1)[1]
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()


def test_phone_screenshots_of_home_department_and_duty(site, phone_page):
    phone_page.goto(site + "/")
    screenshot(phone_page, "home-phone")
    phone_page.goto(site + "/jiangxi/departments/zhu-fang-cheng-xiang-jian-she-ting/")
    # Nothing overflows the phone's width.
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(phone_page, "department-phone")
    phone_page.locator(".duty__text").first.click()
    expect(phone_page.get_by_role("heading", name="责任部门")).to_be_visible()
    screenshot(phone_page, "duty-phone")


def test_search_with_a_province_filter_names_the_lead_department(site, page):
    page.goto(site + "/")
    page.get_by_label("搜索具体事项、部门和条款").fill("厕所")
    page.get_by_label("搜索具体事项、部门和条款").press("Enter")
    page.get_by_label("省份").select_option(label="江西省")
    page.get_by_role("button", name="搜索").click()
    results = page.locator(".result-list > li")
    expect(results).to_have_count(1)
    expect(results.first.locator("mark").first).to_have_text("厕所")
    expect(results.first.locator(".duty-roles")).to_contain_text("牵头")
    screenshot(page, "search-desktop")


def test_elder_friendly_mode_is_remembered_across_pages(site, page):
    page.goto(site + "/jiangxi/")
    normal_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.get_by_role("button", name="关怀版（大字）").click()
    expect(page.locator("html")).to_have_class("care-mode")
    expect(page).to_have_url(re.compile(r"/jiangxi/$"))
    page.get_by_role("link", name="江西省生态环境厅").click()
    expect(page.locator("html")).to_have_class("care-mode")
    large_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert large_size >= normal_size * 1.25
    screenshot(page, "department-care-mode")
    page.get_by_role("button", name="退出关怀版").click()
    expect(page.locator("html")).not_to_have_class("care-mode")


def test_keyboard_user_can_skip_to_content_and_reach_search(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="跳到正文")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


PAGES_TO_AUDIT = [
    "/",
    "/jiangxi/",
    "/jiangxi/departments/zhu-fang-cheng-xiang-jian-she-ting/",
    "/jiangxi/duties/36000001040/",
    "/chongqing/documents/50000001/",
    "/search/?search=扬尘",
    "/sectors/housing-construction/",
    "/no-such-province/",
]


@pytest.mark.parametrize("care_mode", [False, True], ids=["standard", "care-mode"])
def test_pages_have_no_serious_accessibility_violations(site, page, care_mode):
    if care_mode:
        page.context.add_cookies([{"name": "care_mode", "value": "1", "url": site}])
    findings = {}
    for path in PAGES_TO_AUDIT:
        page.goto(site + path)
        violations = blocking_accessibility_violations(page)
        if violations:
            findings[path] = violations
    assert findings == {}
