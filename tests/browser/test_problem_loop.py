"""The whole loop in the browser: a citizen reports dust from a building site in a Jiangxi county, sees the
proposed lead with its duty, follows it with the private link while the office assigns, the department
accepts, posts progress, extends, rectifies and finishes and the office closes it; the public page shows the
timeline and no personal data; the department's figures, on its page and its problems' page, count it once
it is closed. A matter with no lead goes through
consultation, whose decision adds a duty to the list, and the next such report routes by itself."""

import re

import pytest
from playwright.sync_api import expect

from duties.models import Department
from problems.models import Problem
from tests.browser.conftest import blocking_accessibility_violations, screenshot
from tests.problems import factories

pytestmark = pytest.mark.django_db(transaction=True)
DUST = "澄湖东路在建小区工地夜间施工，建筑工地扬尘很大，裸土没有覆盖。"
PLACE = "莲塘镇澄湖东路88号对面工地"
WEEDS = "城区河道里水葫芦疯长，堵塞河道，发臭。"


def report(page, site, description, *, category="大气（扬尘、废气、异味）"):
    page.goto(site + "/problems/new/")
    page.get_by_role("link", name="江西省").click()
    page.get_by_label("所在区县").select_option("360121")
    page.get_by_label("具体地点").fill(PLACE)
    page.get_by_label(category).check()
    page.get_by_label("问题描述").fill(description)
    page.get_by_label("验证码", exact=False).last.fill("PASSED")
    page.get_by_role("button", name="提交").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("我反映的问题")
    return page.url


def log_in(page, site, user):
    page.context.clear_cookies()
    page.goto(f"{site}/accounts/login/?next=/workspace/problems/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(factories.PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("问题办理工作台")


def act(page, step, **fields):
    """Open the step's form on the problem's internal page, fill it by its labels and submit it."""
    form = page.locator("details.action").filter(has=page.locator("summary", has_text=re.compile(f"^{step}$")))
    form.locator("summary").click()
    for label, value in fields.items():
        field = form.get_by_label(label, exact=False)
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(str(value))
        else:
            field.fill(str(value))
    form.get_by_role("button", name=step).click()
    expect(page.locator(".messages")).to_contain_text("已记录")


def test_a_citizen_reports_dust_and_watches_it_found_handled_rectified_and_closed(site, page):
    factories.county_in_jiangxi()
    housing = Department.objects.get(pk=360000008)
    office = factories.office(housing.jurisdiction, username="jx-office")
    handler = factories.handler(housing, username="housing-handler")

    page.context.clear_cookies()
    page.goto(site + "/problems/new/?province=jiangxi")
    assert blocking_accessibility_violations(page) == []
    link = report(page, site, DUST)
    expect(page.locator(".proposals")).to_contain_text("江西省住房和城乡建设厅")
    expect(page.locator(".proposals")).to_contain_text("依据：江西省住房和城乡建设厅 第")
    assert blocking_accessibility_violations(page) == []
    screenshot(page, "problem-track-desktop")
    number = Problem.objects.get().number

    log_in(page, site, office)
    page.get_by_role("link", name=number).click()
    act(page, "交办", 承办部门=housing.pk, 公开的问题描述="澄湖东路在建工地夜间施工扬尘，裸土未覆盖。")
    log_in(page, site, handler)
    page.goto(f"{site}/workspace/problems/{number}/")
    act(page, "受理")
    act(page, "发布办理进展", 说明="已现场检查，责令施工单位停工整改。")
    act(page, "延期", 延期天数=10, 延期理由="需等待第三方扬尘检测报告。")
    act(page, "记录整改", 说明="裸土已全部覆盖，安装喷淋设施。")
    act(page, "办结", 说明="整改完成。")
    page.goto(site + housing.get_absolute_url())  # the department's page: handled, not yet closed
    department_figures = page.locator(".department-problems .problem-figures")
    expect(department_figures.locator("div", has_text="按时办结并销号")).to_contain_text("0 / 0")
    expect(department_figures.locator("div", has_text="办理中")).to_contain_text("1")
    log_in(page, site, office)
    page.goto(f"{site}/workspace/problems/{number}/")
    act(page, "核查销号", 说明="经现场核查整改到位，予以销号。")
    screenshot(page, "problem-work-desktop")
    page.goto(site + housing.get_absolute_url())  # closed: the department's figures count it
    expect(department_figures.locator("div", has_text="按时办结并销号")).to_contain_text("1 / 1")
    expect(department_figures.locator("div", has_text="办理中")).to_contain_text("0")
    assert blocking_accessibility_violations(page) == []

    page.context.clear_cookies()
    page.goto(link)
    expect(page.locator(".facts")).to_contain_text("已销号")
    expect(page.locator(".timeline")).to_contain_text("需等待第三方扬尘检测报告")
    page.goto(f"{site}/problems/{number}/")
    timeline = page.locator(".timeline")
    for step in ("收到", "交办", "受理", "办理进展", "延期", "整改", "办结", "核查销号"):
        expect(timeline).to_contain_text(step)
    expect(timeline.locator(".status--on_time").first).to_be_visible()
    body = page.locator("body").inner_text()
    assert PLACE not in body and DUST not in body
    assert blocking_accessibility_violations(page) == []
    screenshot(page, "problem-public-desktop")
    page.get_by_role("link", name="江西省住房和城乡建设厅").click()
    figures = page.locator(".problem-figures")
    expect(figures).to_contain_text("收到1")
    expect(figures.locator("div", has_text="按时办结并销号")).to_contain_text("1 / 1")


def test_a_matter_with_no_lead_is_settled_by_consultation_and_the_next_one_routes_by_itself(site, page):
    factories.county_in_jiangxi()
    housing = Department.objects.get(pk=360000008)
    water = Department.objects.get(pk=360000010)
    office = factories.office(housing.jurisdiction, username="jx-office")
    water_handler = factories.handler(water, username="water-handler")

    page.context.clear_cookies()
    report(page, site, WEEDS, category="水（污水、黑臭水体）")
    number = Problem.objects.get().number
    log_in(page, site, office)
    page.goto(f"{site}/workspace/problems/{number}/")
    act(page, "审核并公开", 公开的问题描述="城区河道水葫芦疯长。")
    form = page.locator("details.action").filter(has=page.locator("summary", has_text="发起会商"))
    form.locator("summary").click()
    form.get_by_label("江西省住房和城乡建设厅").check()
    form.get_by_label("江西省水利厅").check()
    form.get_by_label("会商事项").fill("城区河道水葫芦清理由哪个部门牵头？")
    form.get_by_role("button", name="发起会商").click()
    log_in(page, site, water_handler)
    page.goto(f"{site}/workspace/problems/{number}/")
    page.get_by_label("本部门意见").fill("城区河道属城市建成区市政范围，建议由住房城乡建设部门牵头。")
    page.get_by_role("button", name="提交意见").click()
    log_in(page, site, office)
    page.goto(f"{site}/workspace/problems/{number}/")
    act(
        page,
        "记录会商决定",
        确定的牵头部门=housing.pk,
        会商决定="由省住房和城乡建设厅牵头指导城区河道水葫芦清理。",
        审定机关="江西省生态环境保护委员会",
        审定日期="2026-01-01",
        写入牵头部门清单的新事项="负责指导城市建成区河道水葫芦等水生植物的清理处置。",
    )
    page.goto(f"{site}/problems/{number}/")
    expect(page.locator(".panel")).to_contain_text("江西省生态环境保护委员会")

    page.context.clear_cookies()
    report(page, site, "家门口河道水葫芦太多了", category="水（污水、黑臭水体）")
    expect(page.locator(".proposals")).to_contain_text("江西省住房和城乡建设厅")
    expect(page.locator(".proposals")).to_contain_text("水葫芦")


def test_the_report_form_fits_a_phone_and_passes_axe_in_care_mode(site, phone_page):
    factories.county_in_jiangxi()
    phone_page.goto(site + "/problems/new/?province=jiangxi")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    phone_page.get_by_role("button", name="关怀版（大字）").click()
    expect(phone_page.locator("html")).to_have_class(re.compile("care-mode"))
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert blocking_accessibility_violations(phone_page) == []
    screenshot(phone_page, "problem-form-phone-care")
