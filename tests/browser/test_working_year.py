"""The working year in the browser: a plan drafted, submitted for record, returned with a comment, resubmitted,
acknowledged and published; in January the report opens with that plan and the public report shows plan beside
outcome. A Jilin county publishes Q1 on time and Q2 late, and the quarterly board says so."""

import pytest
from playwright.sync_api import expect

from duties.models import CommitteeOffice, Department, Jurisdiction
from duties.services.divisions import local_governments_join
from reports.models import Membership
from tests.browser.conftest import blocking_accessibility_violations, screenshot
from tests.browser.test_report_workflow import PASSWORD, account, log_in, submit_and_publish
from tests.reports.conftest import *  # noqa: F403 (the clock)

pytestmark = pytest.mark.django_db(transaction=True)


def office_account(username, jurisdiction):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username, password=PASSWORD)
    CommitteeOffice.objects.create(user=user, jurisdiction=jurisdiction)


def fill_every(page, label, text):
    fields = page.get_by_label(label, exact=True)
    for index in range(fields.count()):
        fields.nth(index).fill(text)


def assert_accessible(page):
    assert blocking_accessibility_violations(page) == []


def test_a_plan_is_filed_for_record_and_the_report_follows_it(site, page, clock):
    housing = Department.objects.get(jurisdiction="360000", slug="zhu-fang-cheng-xiang-jian-she-ting")
    account("plan-editor", Membership.Role.EDITOR, housing)
    account("plan-approver", Membership.Role.APPROVER, housing)
    office_account("jiangxi-office", housing.jurisdiction)
    clock("2026-01-05 09:00")
    plan_url = draft_the_plan(page, site)
    file_the_plan_for_record(page, site, plan_url)
    # January: the report on 2026 opens with the plan beside each duty.
    clock("2027-01-05 09:00")
    report_against_the_plan(page, site)


def draft_the_plan(page, site) -> str:
    log_in(page, site, "plan-editor")
    page.get_by_role("link", name="年度工作方案").first.click()
    page.get_by_label("方案年度").select_option("2026")
    page.get_by_role("button", name="建立方案草稿").click()
    page.get_by_label("全年目标").fill("推进城乡建设领域污染防治，全年完成清单事项。")
    fill_every(page, "年度目标", "年内完成排水许可核查。")
    fill_every(page, "重点任务", "开展城镇污水管网排查。")
    fill_every(page, "责任单位", "城市建设处")
    fill_every(page, "责任人", "王五")
    page.get_by_role("button", name="保存方案").click()
    expect(page.locator(".messages")).to_contain_text("方案已保存")
    plan_url = page.url
    assert_accessible(page)
    screenshot(page, "plan-draft-desktop")
    return plan_url


def file_the_plan_for_record(page, site, plan_url):
    log_in(page, site, "plan-approver")
    page.goto(plan_url)
    page.get_by_role("button", name="保存并报送备案").click()
    expect(page.locator("#plan-state")).to_have_text("已报送备案")

    log_in(page, site, "jiangxi-office")
    page.goto(site + "/workspace/plans/")
    page.get_by_role("link", name="江西省住房和城乡建设厅 2026 年度生态环境保护工作方案").click()
    page.get_by_label("办公室意见").fill("请写明每项的推进措施。")
    page.get_by_role("button", name="退回修改").click()
    expect(page.locator("#plan-state")).to_have_text("已退回修改")

    log_in(page, site, "plan-approver")
    page.goto(plan_url)
    expect(page.get_by_role("alert")).to_contain_text("请写明每项的推进措施。")
    fill_every(page, "推进措施", "每季度调度一次，专班推进。")
    page.get_by_role("button", name="保存并报送备案").click()
    expect(page.locator("#plan-state")).to_have_text("已报送备案")

    log_in(page, site, "jiangxi-office")
    page.goto(plan_url)
    page.get_by_role("button", name="予以备案").click()
    expect(page.locator("#plan-state")).to_have_text("已备案")
    assert_accessible(page)

    log_in(page, site, "plan-approver")
    page.goto(plan_url)
    page.get_by_role("button", name="在本平台公开").click()
    expect(page.locator("#plan-state")).to_have_text("已公开")
    page.get_by_role("link", name="2026年1月5日 公开的版本").click()
    expect(page.locator("main")).to_contain_text("城市建设处")
    expect(page.locator("main")).not_to_contain_text("王五")  # the unit is public, the person is not
    expect(page.locator(".revisions")).to_contain_text("退回修改")
    assert_accessible(page)
    screenshot(page, "plan-public-desktop")


def report_against_the_plan(page, site):
    log_in(page, site, "plan-approver")
    page.get_by_label("报告年度").select_option("2026")
    page.get_by_role("button", name="建立草稿").click()
    expect(page.locator(".entry__plan").first).to_contain_text("年内完成排水许可核查。")
    page.get_by_label("生态环境保护职责履行总体情况").fill("按年度工作方案推进，全年完成。")
    page.get_by_label("完成了哪些工作").first.fill("排水许可核查已完成。")
    submit_and_publish(page)
    page.goto(site + "/reports/jiangxi/zhu-fang-cheng-xiang-jian-she-ting/2026/")
    first = page.locator(".plan-outcome").first
    expect(first.locator(".entry__plan")).to_contain_text("年内完成排水许可核查。")
    expect(first.locator(".entry__outcome")).to_contain_text("排水许可核查已完成。")
    boxes = [first.locator(part).bounding_box() for part in (".entry__plan", ".entry__outcome")]
    assert boxes[0]["x"] < boxes[1]["x"] and abs(boxes[0]["y"] - boxes[1]["y"]) < 2  # side by side
    assert_accessible(page)
    screenshot(page, "report-plan-beside-outcome-desktop")


def test_a_jilin_county_publishes_q1_on_time_and_q2_late_and_the_board_says_so(site, page, clock):
    local_governments_join(province=Jurisdiction.objects.get(code="220000"))
    nanguan = Department.objects.get(jurisdiction="220102")
    account("nanguan-approver", Membership.Role.APPROVER, nanguan)

    clock("2026-04-10 09:00")
    log_in(page, site, "nanguan-approver")
    page.goto(site + "/workspace/disclosures/")
    page.get_by_label("季度", exact=True).select_option(label="2026 年第 1 季度")
    page.get_by_role("button", name="建立草稿").click()
    page.get_by_label("通报内容").fill("一季度全区生活垃圾无害化处理率 100%。")
    page.get_by_role("button", name="保存并公开").click()
    expect(page.locator(".messages")).to_contain_text("已在本平台公开")
    assert_accessible(page)

    clock("2026-07-20 09:00")  # five days after Q2's deadline
    log_in(page, site, "nanguan-approver")
    page.goto(site + "/workspace/disclosures/")
    page.get_by_label("季度", exact=True).select_option(label="2026 年第 2 季度")
    page.get_by_role("button", name="建立草稿").click()
    page.get_by_label("已在其他网站公开的地址").fill("https://www.example.gov.cn/nanguan/2026q2")
    page.get_by_role("button", name="保存并公开").click()
    expect(page.locator(".messages")).to_contain_text("已在本平台公开")

    page.context.clear_cookies()
    page.goto(site + "/disclosures/jilin/2026/q1/")
    expect(page.locator("tr", has_text="南关区人民政府")).to_contain_text("按时公开")
    assert_accessible(page)
    screenshot(page, "quarter-board-desktop")
    page.get_by_role("link", name="2026 年第 2 季度 ›").click()
    expect(page.locator("tr", has_text="南关区人民政府")).to_contain_text("逾期公开")
    expect(page.locator("tr", has_text="宽城区人民政府")).to_contain_text("逾期未公开")

    page.goto(site + "/calendar/?province=jilin&year=2026")
    expect(page.locator("h1")).to_contain_text("吉林省")
    assert_accessible(page)
