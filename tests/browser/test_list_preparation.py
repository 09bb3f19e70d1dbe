"""A department prepares its own list in the browser, the way the documents prescribe: it writes the rows and
submits them; the committee office returns them with a comment on a row; the department revises and resubmits;
the office passes the first review (初审); the approval (审定) is recorded; the approver publishes it, and the
public reads the new list on the department's page with where it comes from."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from duties.models import CommitteeOffice, Department
from reports.models import Membership
from tests.browser.conftest import blocking_accessibility_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "browser-test-only-7q2m"
FIRST = "负责全市生态环境统一监督管理，组织开展生态环境保护督察。"
SECOND = "牵头推进全市大气污染防治。"
SECOND_REVISED = "牵头推进全市大气、水、土壤污染防治，会同有关部门开展联合执法。"


def account(username, role=None, department=None):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    if role is not None:
        Membership.objects.create(user=user, role=role, department=department)
    return user


def log_in(page, site, username):
    page.context.clear_cookies()
    page.goto(site + "/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("navigation", name="账号")).to_be_visible()


def add_row(page, number, text, lead):
    page.get_by_role("link", name="添加一行").click()
    page.get_by_label("编号", exact=True).fill(number)
    page.get_by_label("事项内容", exact=True).fill(text)
    page.get_by_label("牵头部门", exact=True).fill(lead)
    page.get_by_role("button", name="保存这一行").click()
    expect(page.locator(".draft-rows")).to_contain_text(text)


def tracker_status(page, site, department_name):
    page.goto(site + "/chongqing/")
    row = page.locator("table.publication tr", has=page.get_by_role("rowheader", name=department_name))
    return row.locator(".status")


def prepare_and_submit(page, site, department):
    log_in(page, site, "editor")
    page.get_by_role("link", name="具体事项清单", exact=True).click()
    page.get_by_role("button", name="开始编制").click()
    expect(page.locator("#draft-state")).to_have_text("编制中")
    add_row(page, "1", FIRST, department.name)
    add_row(page, "2", SECOND, department.name)
    draft_url = page.url.split("#")[0]
    expect(page.locator("#check-summary")).to_contain_text("新增 2 项")
    assert blocking_accessibility_violations(page) == []
    page.get_by_label("报送说明").fill("请初审。")
    page.get_by_role("button", name="报送初审").click()
    expect(page.locator("#draft-state")).to_have_text("待初审")
    return draft_url


def office_returns_with_a_row_comment(page, site, department):
    log_in(page, site, "office")
    page.goto(site + "/workspace/lists/")
    page.get_by_role("link", name=department.name).click()
    page.get_by_label("对第 2 行的意见").fill("范围过窄：请写明水、土壤污染防治。")
    page.get_by_label("总体意见").fill("第 2 项请修改后再报。")
    screenshot(page, "list-review-desktop")
    assert blocking_accessibility_violations(page) == []
    page.get_by_role("button", name="退回修改").click()
    expect(page.locator("#draft-state")).to_have_text("已退回修改")


def revise_and_resubmit(page, site, draft_url):
    log_in(page, site, "editor")
    page.goto(draft_url)
    expect(page.get_by_role("alert")).to_contain_text("第 2 项请修改后再报。")
    expect(page.locator(".draft-row--commented")).to_contain_text("范围过窄：请写明水、土壤污染防治。")
    page.get_by_role("link", name="修改第 2 行").click()
    page.get_by_label("事项内容", exact=True).fill(SECOND_REVISED)
    page.get_by_role("button", name="保存这一行").click()
    page.get_by_role("button", name="报送初审").click()
    expect(page.locator("#draft-state")).to_have_text("待初审")


def pass_record_approval_and_publish(page, site, draft_url, today):
    log_in(page, site, "office")
    page.goto(draft_url)
    page.get_by_label("总体意见").fill("同意报市委、市政府审定。")
    page.get_by_role("button", name="初审通过").click()
    expect(page.locator("#draft-state")).to_have_text("初审通过，待审定")

    log_in(page, site, "approver")
    page.goto(draft_url)
    page.get_by_label("审定文件标题").fill("关于重庆市生态环境局生态环境保护具体事项清单的批复")
    page.get_by_label("文号").fill("渝委办〔2026〕21号")
    page.get_by_label("成文日期").fill(today)
    page.get_by_label("审定日期").fill(today)
    page.get_by_role("button", name="登记审定").click()
    expect(page.locator("#draft-state")).to_have_text("已审定，待公开")
    page.get_by_role("button", name="公开清单").click()
    expect(page.locator("#draft-state")).to_have_text("已公开")
    # Started, submitted, returned, submitted again, passed, approval recorded, published: who, when, what.
    expect(page.locator(".steps tbody tr")).to_have_count(7)
    expect(page.locator(".steps tr[data-step=returned]")).to_contain_text("第 2 项请修改后再报。")
    screenshot(page, "list-prepared-history-desktop")
    assert blocking_accessibility_violations(page) == []


def test_a_department_prepares_its_list_the_office_reviews_it_and_the_public_reads_it(site, page):
    ecology = Department.objects.get(pk=500000001)  # 重庆市生态环境局: no list published yet
    account("editor", Membership.Role.EDITOR, ecology)
    account("approver", Membership.Role.APPROVER, ecology)
    office = account("office")
    CommitteeOffice.objects.create(user=office, jurisdiction=ecology.jurisdiction)
    expect(tracker_status(page, site, ecology.name)).to_have_text("逾期未公开")

    draft_url = prepare_and_submit(page, site, ecology)
    expect(tracker_status(page, site, ecology.name)).to_have_text("审核中")
    office_returns_with_a_row_comment(page, site, ecology)
    revise_and_resubmit(page, site, draft_url)
    today = f"{datetime.date.today():%Y-%m-%d}"
    pass_record_approval_and_publish(page, site, draft_url, today)

    page.context.clear_cookies()
    page.goto(site + "/chongqing/departments/sheng-tai-huan-jing-ju/")
    expect(page.locator(".duty-list")).to_contain_text(FIRST)
    expect(page.locator(".duty-list")).to_contain_text(SECOND_REVISED)
    expect(page.locator("#list-provenance")).to_contain_text(
        f"本清单由重庆市生态环境局编制，经市生态环境保护委员会办公室于 {today} 初审，"
        f"由市委、市政府以《关于重庆市生态环境局生态环境保护具体事项清单的批复》（渝委办〔2026〕21号）于 {today} 审定。"
    )
    screenshot(page, "department-prepared-list-desktop")
    assert blocking_accessibility_violations(page) == []
    expect(tracker_status(page, site, ecology.name)).to_have_text("已公开")
    page.goto(draft_url)  # the workspace asks the public to sign in
    expect(page.locator("body")).not_to_contain_text("范围过窄")
