"""A citizen reads a department's list as it stood on a past day and what changed since."""

import datetime

import pytest
from playwright.sync_api import expect

from duties import selectors, services
from duties.models import Department
from duties.services import DutyDraft
from tests.browser.conftest import blocking_accessibility_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

REWORDED = "深入推进河湖“清四乱”常态化规范化，建立长效机制。"


@pytest.fixture
def edition(site):
    water = Department.objects.get(pk=360000010)
    versions = selectors.list_versions(water.jurisdiction, water).current().order_by("position")
    drafts = [
        DutyDraft(duty.lineage, duty.number, duty.text, services.roles_of(duty), row)
        for row, duty in enumerate(versions, start=2)
    ]
    drafts[1] = DutyDraft(drafts[1].lineage, drafts[1].number, REWORDED, drafts[1].roles, drafts[1].row)
    plan = services.edition_plan(
        jurisdiction=water.jurisdiction, department=water, effective_on=datetime.date(2026, 1, 1), drafts=drafts[:-1]
    )
    return services.edition_publish(
        plan=plan, basis="赣环委办〔2026〕1号", file_name="water.xlsx", file_sha256="0" * 64
    )


def test_a_past_day_and_the_changes_since(site, page, edition):
    page.goto(site + "/jiangxi/departments/shui-li-ting/")
    expect(page.locator(".duty-list")).to_contain_text(REWORDED)
    page.get_by_label("查看某日的清单").fill("2025-12-31")
    page.get_by_role("button", name="查看").click()
    expect(page.locator(".notice")).to_contain_text("显示 2025年12月31日 当日有效的清单")
    expect(page.locator(".duty-list")).not_to_contain_text(REWORDED)
    expect(page.locator(".duty-list")).to_contain_text("根据省管河湖水域岸线空间保护")

    page.get_by_role("link", name="清单修订记录").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("2026-01-01 · 赣环委办〔2026〕1号")
    expect(page.locator(".change--changed ins")).to_have_text("，建立长效机制")
    expect(page.locator(".change--removed del")).to_contain_text("根据省管河湖水域岸线空间保护")
    screenshot(page, "department-changes-desktop")
    assert blocking_accessibility_violations(page) == []

    page.locator(".change--changed .change__link").click()
    expect(page.locator(".versions")).to_contain_text("2026-01-01 – 现行")
    assert blocking_accessibility_violations(page) == []
