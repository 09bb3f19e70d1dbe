"""The report form in the browser: text survives an ended session, limits are counted as one types, the error
summary takes focus, and leaving with unsaved typing (the 关怀版 switch) asks first."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from duties.models import Department
from reports import services
from reports.models import Membership, Report
from tests.browser.conftest import blocking_accessibility_violations, screenshot
from tests.browser.test_report_workflow import PASSWORD, account, log_in

pytestmark = pytest.mark.django_db(transaction=True)
TYPED = "三个小时写成的总体情况：全年推进城乡建设领域污染防治。"


@pytest.fixture
def draft_url(site):
    housing = Department.objects.get(jurisdiction="360000", slug="zhu-fang-cheng-xiang-jian-she-ting")
    account("editor", Membership.Role.EDITOR, housing)
    account("approver", Membership.Role.APPROVER, housing)
    editor = Membership.objects.get(user__username="editor").user
    report = services.report_create(user=editor, department=housing, year=timezone.localdate().year)
    return f"{site}{report.get_workspace_url()}"


def test_a_save_after_the_session_ended_comes_back_after_signing_in(site, page, draft_url):
    log_in(page, site, "editor")
    page.goto(draft_url)
    page.get_by_label("生态环境保护职责履行总体情况").fill(TYPED)
    session = [cookie for cookie in page.context.cookies() if cookie["name"] == "sessionid"]
    page.context.clear_cookies(name="sessionid")  # the 8 hours are up
    page.get_by_role("button", name="保存草稿").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("工作人员登录")
    expect(page.locator(".messages")).to_contain_text("已为您保留")
    assert session  # it was there before
    page.get_by_label("用户名").fill("editor")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_label("生态环境保护职责履行总体情况")).to_have_value(TYPED)
    expect(page.locator(".messages")).to_contain_text("还没有保存")
    page.get_by_role("button", name="保存草稿").click()
    expect(page.locator(".messages")).to_contain_text("草稿已保存")
    assert Report.objects.get().overall == TYPED


def test_the_count_is_live_and_too_long_a_text_is_an_error_in_the_summary_with_focus(site, page, draft_url):
    log_in(page, site, "editor")
    page.goto(draft_url)
    progress = page.get_by_label("数据指标").first
    count = page.locator(f"#{progress.get_attribute('id')}_count")
    expect(count).to_have_text("还可以输入 2,000 字")
    progress.fill("指" * 2_050)
    expect(count).to_have_text("超出 50 字，请删减")
    expect(page.locator(f"#{progress.get_attribute('id')}_count + [aria-live=polite]")).to_have_text(
        "超出 50 字，请删减"
    )
    page.get_by_role("button", name="保存草稿").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    assert page.title().startswith("错误：")
    summary.get_by_role("link").first.click()
    expect(progress).to_be_focused()
    expect(progress).to_have_value("指" * 2_050)  # not cut
    assert blocking_accessibility_violations(page) == []
    screenshot(page, "report-form-error-summary-desktop")


def test_switching_to_care_mode_with_unsaved_typing_asks_first(site, page, draft_url):
    log_in(page, site, "editor")
    page.goto(draft_url)
    box = page.get_by_label("生态环境保护职责履行总体情况")
    box.click()
    page.keyboard.type("还没保存的文字")
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_role("button", name="关怀版（大字）").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    expect(box).to_have_value("还没保存的文字")
    page.remove_listener("dialog", stay)
    page.get_by_role("button", name="保存草稿").click()  # saving is not leaving: no question
    expect(page.locator(".messages")).to_contain_text("草稿已保存")
