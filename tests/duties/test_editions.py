"""Dated editions: a list changes on a date, and every past day can still be read."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from duties import editions, selectors, services
from duties.audit import AuditEntry
from duties.editions import DutyChange
from duties.models import Department, DutyItem, Jurisdiction
from duties.services import DutyDraft, RoleDraft
from reports import services as report_services
from tests.factories import make_approver

pytestmark = pytest.mark.django_db

JIANGXI = "360000"
BEFORE, EFFECTIVE, AFTER = datetime.date(2025, 12, 31), datetime.date(2026, 1, 1), datetime.date(2026, 6, 1)


def draft_of(duty, row, **changes):
    fields = {
        "lineage": duty.lineage,
        "number": duty.number,
        "text": duty.text,
        "roles": services.roles_of(duty),
        "row": row,
    }
    return DutyDraft(**{**fields, **changes})


def department_list_drafts(department):
    duties = selectors.list_versions(department.jurisdiction, department).current().order_by("document", "position")
    return [draft_of(duty, row) for row, duty in enumerate(duties, start=2)]


def publish(department, drafts, effective_on=EFFECTIVE, **kwargs):
    plan = services.edition_plan(
        jurisdiction=department.jurisdiction, department=department, effective_on=effective_on, drafts=drafts
    )
    return services.edition_publish(
        plan=plan, basis="赣环委办〔2026〕1号", file_name="list.xlsx", file_sha256="0" * 64, **kwargs
    )


@pytest.fixture
def water():
    return Department.objects.get(jurisdiction=JIANGXI, short_name="省水利厅")


@pytest.fixture
def forestry():
    return Department.objects.get(jurisdiction=JIANGXI, short_name="省林业局")


def test_a_new_lead_department_applies_from_the_effective_date_and_the_past_stays_readable(water, forestry):
    drafts = department_list_drafts(water)
    handed_over = drafts[0]
    drafts[0] = DutyDraft(
        handed_over.lineage,
        handed_over.number,
        handed_over.text,
        (RoleDraft("lead", forestry.pk, forestry.short_name),),
        handed_over.row,
    )
    edition = publish(water, drafts)

    versions = DutyItem.objects.filter(lineage=handed_over.lineage)
    on_the_day_before = versions.as_of(BEFORE).get()
    on_the_day = versions.as_of(EFFECTIVE).get()
    assert on_the_day_before.lead_departments == [water]
    assert on_the_day.lead_departments == [forestry]
    assert on_the_day.edition == edition and on_the_day_before.ended_by == edition
    # The duty keeps its place and its source; its new wording is the edition's row.
    assert (on_the_day.document, on_the_day.provision) == (on_the_day_before.document, on_the_day_before.provision)
    assert on_the_day.wording.document == edition.document and on_the_day.wording.line_start == handed_over.row


def test_unchanged_rows_make_no_new_versions(water):
    plan = services.edition_plan(
        jurisdiction=water.jurisdiction, department=water, effective_on=EFFECTIVE, drafts=department_list_drafts(water)
    )
    assert not plan.has_changes and len(plan.unchanged) == len(plan.drafts)


def test_an_edition_reports_what_it_added_removed_and_reworded(water, admin_user):
    drafts = department_list_drafts(water)
    removed = drafts.pop()
    drafts[0] = draft_of(
        DutyItem.objects.get(lineage=drafts[0].lineage), drafts[0].row, text="全新表述的水土保持工作。"
    )
    added = DutyDraft(None, "99", "新增的河湖长制工作。", (RoleDraft("lead", water.pk, "省水利厅"),), 99)
    edition = publish(water, [*drafts, added], user=admin_user)

    (report,) = editions.changes_of(editions.editions_of_department(water), water)
    assert report.edition == edition
    kinds = {change.kind: change for change in report.changes}
    assert (report.count("added"), report.count("removed"), report.count("changed")) == (1, 1, 1)
    assert kinds[DutyChange.REMOVED].before.lineage == removed.lineage
    assert kinds[DutyChange.ADDED].after.text == "新增的河湖长制工作。"
    reworded = kinds[DutyChange.CHANGED]
    assert ("insert", "全新表述的") in reworded.text_diff()
    assert not DutyItem.objects.current().filter(lineage=removed.lineage).exists()
    assert AuditEntry.objects.filter(user=admin_user, reason__contains="赣环委办〔2026〕1号").count() == 4


def test_an_edition_cannot_take_effect_before_a_later_one(water):
    publish(water, department_list_drafts(water)[1:], effective_on=AFTER)
    with pytest.raises(ValidationError, match="不能早于"):
        services.edition_plan(jurisdiction=water.jurisdiction, department=water, effective_on=EFFECTIVE, drafts=[])


def test_a_department_from_another_jurisdiction_is_refused(water):
    with pytest.raises(ValidationError):
        services.edition_plan(
            jurisdiction=Jurisdiction.objects.get(code="410000"), department=water, effective_on=EFFECTIVE, drafts=[]
        )


def test_a_report_lists_the_duties_led_at_the_end_of_its_year(water):
    drafts = department_list_drafts(water)
    publish(water, drafts[1:])  # from 2026-01-01, the first duty is off the list
    approver = make_approver(water)
    report_2025 = report_services.report_create(user=approver, department=water, year=2025)
    assert drafts[0].lineage in {entry.duty.lineage for entry in report_2025.entries.all()}
    report_2026 = report_services.report_create(user=approver, department=water, year=2026)
    assert drafts[0].lineage not in {entry.duty.lineage for entry in report_2026.entries.all()}
    assert report_2026.entries.count() == len(drafts) - 1


def test_a_plan_made_stale_by_another_edition_is_refused(water):
    drafts = department_list_drafts(water)
    changed = [draft_of(DutyItem.objects.get(lineage=drafts[0].lineage), drafts[0].row, text="新表述。"), *drafts[1:]]
    first = services.edition_plan(
        jurisdiction=water.jurisdiction, department=water, effective_on=EFFECTIVE, drafts=changed
    )
    second = services.edition_plan(
        jurisdiction=water.jurisdiction, department=water, effective_on=EFFECTIVE, drafts=changed
    )
    services.edition_publish(plan=first, basis="先到", file_name="a.csv", file_sha256="0" * 64)
    with pytest.raises(ValidationError, match="重新预览"):
        services.edition_publish(plan=second, basis="后到", file_name="b.csv", file_sha256="0" * 64)
    assert DutyItem.objects.current().filter(lineage=drafts[0].lineage).count() == 1
