"""The site shell for everyone: 关怀版 grows every text, the focus outline shows on every background, the error
and statement pages, the menu and signing out, print. At 390 and 1366 px, normal and 关怀版 (screenshot())."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, screenshot

pytestmark = pytest.mark.django_db(transaction=True)
MEASURES = (Path(__file__).parent / "shell_measures.js").read_text(encoding="utf-8")
DEPARTMENT = "/jiangxi/departments/zhu-fang-cheng-xiang-jian-she-ting/"
# The texts 关怀版 must grow, and the pages that have them.
TEXTS = {
    "h1": "h1",
    "h2": "h2",
    "breadcrumbs": ".breadcrumbs li",
    "meta lines": ".meta",
    "tags": ".tag",
    "labels": "label",
    "buttons": "button",
    "card numbers": ".figures dd",
    "card labels": ".figures dt",
    "main menu": ".site-nav a",
    "footer": ".site-footer li",
    "body text": "main p",
}
SPACES = {"page margin": (".wrap", "paddingLeft"), "card padding": (".card", "paddingTop")}
PAGES = ["/", "/jiangxi/", DEPARTMENT, "/search/?search=扬尘", "/sectors/housing-construction/"]


def measure(page, selectors):
    return page.evaluate(
        """([texts, spaces]) => {
            const size = (selector, property) => {
                const element = document.querySelector(selector);
                return element ? parseFloat(getComputedStyle(element)[property]) : null;
            };
            const sizes = {};
            for (const [name, selector] of Object.entries(texts)) sizes[name] = size(selector, "fontSize");
            for (const [name, [selector, property]] of Object.entries(spaces)) sizes[name] = size(selector, property);
            return sizes;
        }""",
        selectors,
    )


def set_care_mode(page, site, on):
    if on:
        page.context.add_cookies([{"name": "care_mode", "value": "1", "url": site}])
    else:
        page.context.clear_cookies(name="care_mode")


def test_care_mode_grows_every_text_every_space_and_the_focus_outline(site, page):
    grown, seen = {}, set()
    for path in PAGES:
        set_care_mode(page, site, False)
        page.goto(site + path)
        normal = measure(page, [TEXTS, SPACES])
        page.keyboard.press("Tab")
        normal_outline = page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
        set_care_mode(page, site, True)
        page.goto(site + path)
        large = measure(page, [TEXTS, SPACES])
        page.keyboard.press("Tab")
        large_outline = page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
        for name, size in normal.items():
            if size:
                seen.add(name)
                grown.setdefault(name, []).append((path, round(large[name] / size, 2)))
        assert large_outline >= normal_outline * 1.25, path
    assert seen == set(TEXTS) | set(SPACES)  # each is measured on some page
    too_small = {name: ratios for name, ratios in grown.items() if any(ratio < 1.25 for _path, ratio in ratios)}
    assert too_small == {}


@pytest.mark.parametrize("care_mode", [False, True], ids=["normal", "care-mode"])
def test_the_focus_outline_has_3_to_1_contrast_on_every_background(site, page, care_mode):
    set_care_mode(page, site, care_mode)
    weak = {}
    for path in ["/", DEPARTMENT, "/privacy/"]:
        page.goto(site + path)
        page.evaluate(MEASURES)  # through the DevTools protocol: the CSP forbids inline scripts
        page.keyboard.press("Tab")  # keyboard use: focus() now shows :focus-visible
        outlines = page.evaluate(
            "() => portalMeasures.focusables().slice(0, 80).map((e) => portalMeasures.focusOutline(e))"
        )
        assert len(outlines) >= 15  # the header, the page, the footer
        weak[path] = [
            outline
            for outline in outlines
            if outline["style"] == "none" or outline["width"] < 2 or outline["contrast"] < 3
        ]
    assert weak == {path: [] for path in weak}


def test_home_search_button_stays_on_one_line_on_a_phone(site, page):
    page.set_viewport_size(PHONE)
    for care_mode in (False, True):
        set_care_mode(page, site, care_mode)
        page.goto(site + "/")
        button = page.locator(".search-box button")
        lines = button.evaluate(
            "b => { const r = document.createRange(); r.selectNodeContents(b); "
            "return new Set([...r.getClientRects()].map((rect) => Math.round(rect.top))).size; }"
        )
        assert lines == 1, f"搜索 wraps onto {lines} lines (care mode {care_mode})"
    screenshot(page, "home")


def test_error_pages_speak_chinese_and_offer_a_way_back(site, page):
    page.goto(site + "/no-such-province/")
    expect(page.get_by_role("heading", level=1)).to_have_text("找不到这个页面")
    screenshot(page, "error-404")

    assert page.goto(site + "/preferences/care-mode/").status == 405
    expect(page.get_by_role("heading", level=1)).to_have_text("这个地址不能直接打开")
    screenshot(page, "error-405")

    page.goto(site + "/jiangxi/")
    page.context.clear_cookies(name="csrftoken")  # as after the session expired in another window
    page.get_by_role("button", name="关怀版（大字）").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("表单已过期，请重新提交")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    screenshot(page, "error-csrf")
    page.get_by_role("link", name="返回上一页").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("江西省")


@pytest.mark.urls("tests.portal.error_urls")
def test_the_500_page_has_the_layout_and_a_way_back(site, page):
    assert page.goto(site + "/test-fail/").status == 500
    expect(page.get_by_role("heading", level=1)).to_have_text("服务暂时出错")
    screenshot(page, "error-500")
    page.get_by_role("link", name="返回首页，选择省份").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("生态环境保护具体事项清单")


def test_footer_statements_and_the_identity_when_it_is_set(site, page, settings):
    settings.SITE_OWNER = "江西省生态环境保护委员会办公室"
    settings.SITE_IDENTIFIER = "3600000001"
    settings.SITE_ICP_NUMBER = "赣ICP备12345678号-1"
    settings.SITE_CONTACT_EMAIL = "duties@example.gov.cn"
    page.goto(site + "/")
    footer = page.locator(".site-footer")
    expect(footer).to_contain_text("主办单位：江西省生态环境保护委员会办公室")
    expect(footer.get_by_role("link", name="赣ICP备12345678号-1")).to_have_attribute(
        "href", "https://beian.miit.gov.cn/"
    )
    expect(footer.get_by_role("link", name="12369 环保举报")).to_have_attribute("href", "tel:12369")
    footer.get_by_role("link", name="在本站反映问题").click()
    expect(page).to_have_url(f"{site}/problems/new/")
    for name, slug in (("隐私声明", "privacy"), ("无障碍声明", "accessibility"), ("联系我们", "contact")):
        page.locator(".site-footer").get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        screenshot(page, f"statement-{slug}")


def test_the_menu_offers_reports_and_sign_in_and_signing_out_says_so(site, page):
    get_user_model().objects.create_user("clerk", password="browser-test-only-7r2q")
    page.goto(site + "/")
    menu = page.get_by_role("navigation", name="主导航")
    menu.get_by_role("link", name="年度报告").click()
    expect(page).to_have_url(f"{site}/reports/")
    menu.get_by_role("link", name="登录").click()
    page.get_by_label("用户名").fill("clerk")
    page.get_by_label("密码").fill("browser-test-only-7r2q")
    page.get_by_role("button", name="登录").click()
    expect(menu.get_by_role("link", name="工作台")).to_be_visible()
    expect(menu.get_by_role("link", name="登录")).to_have_count(0)
    page.get_by_role("button", name="退出登录").click()
    expect(page.get_by_role("status")).to_contain_text("您已退出登录")
    expect(menu.get_by_role("link", name="登录")).to_be_visible()
    screenshot(page, "signed-out")


def test_print_leaves_out_forms_and_feeds_and_writes_addresses_and_the_date(site, page):
    page.goto(site + DEPARTMENT)
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => [...document.querySelectorAll(
                'form, button, a[href*="feed"], a[href*=".csv"], a[href*=".xlsx"], a[download]'
            )].filter((element) => element.getClientRects().length).map((element) => element.outerHTML.slice(0, 80))"""
    )
    assert shown == []
    header = page.locator(".print-header")
    expect(header).to_be_visible()
    expect(header).to_contain_text("生态环境保护具体事项清单公开平台")
    expect(header).to_contain_text(site + DEPARTMENT)
    expect(header).to_contain_text(datetime.date.today().isoformat())
    after = page.locator("main a[href^='/']").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert after.startswith(f'" ({site}/')
    page.pdf(path=Path(screenshot.__globals__["SCREENSHOTS"]) / "department-print.pdf")
