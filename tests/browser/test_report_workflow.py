"""A department files its report in the browser: draft, leave, come back, submit, publish."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from duties.models import Department
from reports.models import Membership
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "browser-test-only-9f3k"


def account(username, role, department=None, province=None):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    Membership.objects.create(user=user, role=role, department=department, province=province)  # one role each


def log_in(page, site, username):
    page.context.clear_cookies()
    page.goto(site + "/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("年度专题报告工作台")


def submit_and_publish(page):
    """The approver on the draft's page: save, check, submit, then check and publish."""
    page.get_by_role("button", name="保存并核对报送内容").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("报送前请核对")
    page.get_by_role("button", name="确认报送").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("报告已报送")
    expect(page.locator("main")).to_contain_text("下一步由本部门审核人在本平台公开报告")
    page.get_by_role("link", name="核对并公开").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("公开前请核对")
    page.get_by_role("button", name="确认公开").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("报告已公开")


def test_editor_drafts_approver_submits_supervisor_sees_it_on_time_and_the_public_reads_it(site, page):
    housing = Department.objects.get(jurisdiction="360000", slug="zhu-fang-cheng-xiang-jian-she-ting")
    account("editor", Membership.Role.EDITOR, housing)
    account("approver", Membership.Role.APPROVER, housing)
    account("supervisor", Membership.Role.SUPERVISOR, province=housing.jurisdiction)
    account("other-editor", Membership.Role.EDITOR, Department.objects.get(jurisdiction="360000", slug="shui-li-ting"))

    log_in(page, site, "editor")
    # This year's report: due next January, so filing it now is on time.
    this_year = timezone.localdate().year
    page.get_by_label("报告年度").select_option(str(this_year))
    page.get_by_role("button", name="建立草稿").click()
    page.get_by_label("生态环境保护职责履行总体情况").fill("全年推进城乡建设领域污染防治。")
    page.get_by_label("完成了哪些工作").first.fill("完成排水许可核查。")
    page.get_by_role("button", name="保存草稿").click()
    expect(page.locator("body")).to_contain_text("已保存")
    report_url = page.url
    page.goto(site + "/")  # leaves
    page.goto(report_url)  # and comes back
    expect(page.get_by_label("生态环境保护职责履行总体情况")).to_have_value("全年推进城乡建设领域污染防治。")
    expect(page.get_by_label("完成了哪些工作").first).to_have_value("完成排水许可核查。")
    screenshot(page, "report-draft-desktop")

    log_in(page, site, "other-editor")
    assert page.goto(report_url).status == 404

    log_in(page, site, "approver")
    page.goto(report_url)
    submit_and_publish(page)

    log_in(page, site, "supervisor")
    page.goto(f"{site}/workspace/compliance/jiangxi/{this_year}/")
    expect(page.locator("tr[data-status]", has_text="江西省住房和城乡建设厅")).to_contain_text("按时")
    screenshot(page, "compliance-board-desktop")

    page.context.clear_cookies()
    page.goto(site + "/jiangxi/departments/zhu-fang-cheng-xiang-jian-she-ting/")
    expect(page.locator(".department-reports")).to_contain_text("已报送 1 份")
    page.locator(".department-reports a").first.click()
    expect(page.locator("body")).to_contain_text("全年推进城乡建设领域污染防治。")
