"""Writing a report: create, draft saves with optimistic concurrency, submit, publish, correct."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from duties.models import Department, DutyRole
from reports import services
from reports.models import Report, ReportEntry, Revision
from tests import factories

pytestmark = pytest.mark.django_db


def entries_of(report, **values):
    defaults = {"status": "in-progress", "progress": "", "figures": "", "evidence_links": ""}
    return {entry.pk: services.EntryInput(**{**defaults, **values}) for entry in report.entries.all()}


def messages(excinfo):
    return [str(message) for message in excinfo.value.messages]


# Creating a report


def test_a_new_report_has_one_entry_per_duty_the_department_leads(draft, department):
    led = DutyRole.objects.filter(department=department, role__in=["lead", "co-lead"]).values("duty").distinct()
    assert draft.entries.count() == led.count() == 15
    assert set(draft.entries.values_list("duty", flat=True)) == {row["duty"] for row in led}
    assert all(entry.status == ReportEntry.Status.NOT_STARTED for entry in draft.entries.all())
    assert draft.state == Report.State.DRAFT and draft.version == 1


def test_a_jiangxi_report_carries_the_pollution_prevention_section(draft):
    assert [section.title for section in draft.sections.all()] == ["污染防治攻坚战落实情况"]


def test_a_henan_report_has_no_extra_section_and_reports_on_the_requirements_put_on_the_department():
    # Henan's departments have published no specific list: the report covers the measures addressed to them.
    department = Department.objects.get(pk=410000005)
    editor = factories.make_editor(department)
    report = services.report_create(user=editor, department=department, year=2024)
    assert report.sections.count() == 0
    entries = list(report.entries.all())
    assert len(entries) == 6 and all(entry.duty_id is None and entry.requirement_id for entry in entries)


def test_one_report_per_department_and_year(draft, editor, department):
    with pytest.raises(ValidationError) as excinfo:
        services.report_create(user=editor, department=department, year=2024)
    assert messages(excinfo) == [str(services.REPORT_EXISTS)]


def test_the_database_itself_refuses_a_second_report_for_the_same_year(draft, department):
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(department=department, year=2024)


def test_a_department_without_important_duties_files_no_report():
    department = Department.objects.get(pk=410000014)  # 审计部门: leads a duty, not listed as key
    editor = factories.make_editor(department)
    with pytest.raises(ValidationError) as excinfo:
        services.report_create(user=editor, department=department, year=2024)
    assert messages(excinfo) == [str(services.NOT_KEY_DUTY_DEPARTMENT)]


@pytest.mark.parametrize("year", [1999, 2022, 2099])
def test_a_year_the_provinces_rule_does_not_ask_for_is_refused(editor, department, year):
    # Jiangxi's rule was issued in 2023: its first report is on 2023; none is due on a year to come.
    with pytest.raises(ValidationError) as excinfo:
        services.report_create(user=editor, department=department, year=year)
    assert messages(excinfo) == [str(services.YEAR_OUT_OF_RANGE % {"first": 2023})]


# Drafts


def test_a_saved_draft_keeps_every_field_and_moves_to_the_next_version(draft, editor):
    entry = draft.entries.first()
    section = draft.sections.get()
    saved = services.report_draft_save(
        report=draft,
        user=editor,
        expected_version=1,
        overall="总体情况",
        entries={entry.pk: services.EntryInput("done", "做了什么", "12 项", "https://example.gov.cn/a")},
        sections={section.pk: "攻坚战"},
    )
    assert saved.version == 2
    entry.refresh_from_db()
    section.refresh_from_db()
    assert (entry.status, entry.progress, entry.figures, entry.evidence_link_list) == (
        "done",
        "做了什么",
        "12 项",
        ["https://example.gov.cn/a"],
    )
    assert section.body == "攻坚战"
    assert Report.objects.get(pk=draft.pk).overall == "总体情况"


def test_the_second_of_two_concurrent_saves_is_refused_and_the_first_kept(draft, editor, approver):
    first = Report.objects.get(pk=draft.pk)
    second = Report.objects.get(pk=draft.pk)  # both opened at version 1
    services.report_draft_save(
        report=first, user=editor, expected_version=first.version, overall="编辑甲的文字", entries={}, sections={}
    )
    with pytest.raises(services.StaleVersion) as excinfo:
        services.report_draft_save(
            report=second,
            user=approver,
            expected_version=second.version,
            overall="审核人乙的文字",
            entries={},
            sections={},
        )
    assert messages(excinfo) == [str(services.STALE_VERSION)]
    current = Report.objects.get(pk=draft.pk)
    assert current.overall == "编辑甲的文字"
    assert current.version == 2


def test_a_refused_save_writes_none_of_its_entries(draft, editor):
    services.report_draft_save(report=draft, user=editor, expected_version=1, overall="a", entries={}, sections={})
    with pytest.raises(services.StaleVersion):
        services.report_draft_save(
            report=draft, user=editor, expected_version=1, overall="b", entries=entries_of(draft), sections={}
        )
    assert not draft.entries.exclude(status="not-started").exists()


def test_an_invalid_evidence_link_is_refused_and_nothing_is_saved(draft, editor):
    with pytest.raises(ValidationError) as excinfo:
        services.report_draft_save(
            report=draft,
            user=editor,
            expected_version=1,
            overall="写了一半",
            entries=entries_of(draft, evidence_links="javascript:alert(1)"),
            sections={},
        )
    assert "evidence_links" in excinfo.value.message_dict
    current = Report.objects.get(pk=draft.pk)
    assert (current.overall, current.version) == ("", 1)


def test_entries_of_another_report_cannot_be_written_through_this_one(draft, editor, department, other_department):
    other_report = services.report_create(
        user=factories.make_editor(other_department), department=other_department, year=2024
    )
    foreign = other_report.entries.first()
    with pytest.raises(ValidationError) as excinfo:
        services.report_draft_save(
            report=draft,
            user=editor,
            expected_version=1,
            overall="",
            entries={foreign.pk: services.EntryInput("done", "改别人的", "", "")},
            sections={},
        )
    assert messages(excinfo) == [str(services.UNKNOWN_ENTRY)]
    foreign.refresh_from_db()
    assert foreign.progress == ""


# Submission


def test_only_the_approver_submits(draft, editor):
    draft = factories.save_draft(draft, editor)
    with pytest.raises(PermissionDenied):
        services.report_submit(report=draft, user=editor, expected_version=draft.version)


def test_a_report_without_its_overall_part_cannot_be_submitted(draft, approver):
    with pytest.raises(ValidationError) as excinfo:
        services.report_submit(report=draft, user=approver, expected_version=draft.version)
    assert messages(excinfo) == [str(services.OVERALL_REQUIRED)]


def test_submitting_on_10_january_in_beijing_is_on_time(draft, approver, clock):
    draft = factories.save_draft(draft, approver)
    clock("2025-01-10T23:59:00")
    report = services.report_submit(report=draft, user=approver, expected_version=draft.version)
    assert report.state == Report.State.SUBMITTED
    assert report.deadline == datetime.date(2025, 1, 10)
    assert report.submitted_on_time is True


def test_submit_after_deadline_is_marked_late(draft, approver, clock):
    draft = factories.save_draft(draft, approver)
    clock("2025-01-11T00:00:01")
    report = services.report_submit(report=draft, user=approver, expected_version=draft.version)
    assert report.submitted_on_time is False


def test_late_in_beijing_although_still_10_january_in_utc(draft, approver, clock):
    draft = factories.save_draft(draft, approver)
    clock("2025-01-10T16:30:00", tz="UTC")
    report = services.report_submit(report=draft, user=approver, expected_version=draft.version)
    assert report.submitted_on_time is False


@pytest.mark.parametrize(
    ("year", "last_day"),
    [(2023, datetime.date(2024, 2, 29)), (2024, datetime.date(2025, 2, 28))],
)
def test_henan_end_of_february_deadline_is_29_february_in_a_leap_year(clock, year, last_day):
    department = Department.objects.get(pk=410000005)
    approver = factories.make_approver(department)
    report = factories.save_draft(services.report_create(user=approver, department=department, year=year), approver)
    clock(f"{last_day.isoformat()}T22:00:00")
    report = services.report_submit(report=report, user=approver, expected_version=report.version)
    assert (report.deadline, report.submitted_on_time) == (last_day, True)


def test_henan_report_on_2024_submitted_on_29_february_2025_does_not_exist_so_1_march_is_late(clock):
    department = Department.objects.get(pk=410000005)
    approver = factories.make_approver(department)
    report = factories.save_draft(services.report_create(user=approver, department=department, year=2024), approver)
    clock("2025-03-01T00:05:00")
    report = services.report_submit(report=report, user=approver, expected_version=report.version)
    assert report.submitted_on_time is False


def test_submitting_twice_makes_one_submission(draft, approver, clock):
    draft = factories.save_draft(draft, approver)
    clock("2025-01-05T10:00:00")
    first = services.report_submit(report=draft, user=approver, expected_version=draft.version)
    clock("2025-01-20T10:00:00")  # a retry much later must not turn an on-time report late
    second = services.report_submit(report=draft, user=approver, expected_version=draft.version)
    assert second.submitted_at == first.submitted_at
    assert second.submitted_on_time is True
    assert Revision.objects.filter(report=draft).count() == 1


def test_a_submitted_report_is_frozen(draft, approver):
    draft = factories.save_draft(draft, approver)
    report = services.report_submit(report=draft, user=approver, expected_version=draft.version)
    with pytest.raises(ValidationError) as excinfo:
        services.report_draft_save(
            report=report, user=approver, expected_version=report.version, overall="改", entries={}, sections={}
        )
    assert messages(excinfo) == [str(services.NOT_A_DRAFT)]
    assert Report.objects.get(pk=report.pk).overall == "全年履职情况良好。"


def test_submitting_a_version_the_approver_has_not_seen_is_refused(draft, editor, approver):
    seen = factories.save_draft(draft, editor)
    factories.save_draft(draft, editor, overall="编辑又改了")
    with pytest.raises(services.StaleVersion):
        services.report_submit(report=seen, user=approver, expected_version=seen.version)
    assert Report.objects.get(pk=draft.pk).is_draft


def test_the_first_revision_freezes_the_submitted_text(draft, approver):
    report = factories.make_filed_report(draft.department, 2023, approver)
    revision = report.revisions.get()
    assert (revision.number, revision.kind) == (1, Revision.Kind.SUBMISSION)
    assert revision.content["overall"] == "全年履职情况良好。"
    assert len(revision.content["entries"]) == 15
    assert revision.content["sections"] == [{"title": "污染防治攻坚战落实情况", "body": "专项工作推进顺利。"}]


# Publication and corrections


def test_publishing_needs_a_submitted_report(draft, approver):
    with pytest.raises(ValidationError) as excinfo:
        services.report_publish(report=draft, user=approver)
    assert messages(excinfo) == [str(services.NOT_SUBMITTED)]


def test_publishing_twice_keeps_the_first_publication_date(department, approver):
    report = factories.make_filed_report(department, 2023, approver, publish=True)
    again = services.report_publish(report=report, user=approver)
    assert again.published_at == report.published_at
    assert again.state == Report.State.PUBLISHED


def test_a_correction_adds_a_revision_and_keeps_the_history(department, approver):
    report = factories.make_filed_report(department, 2023, approver, publish=True)
    revision = services.report_correct(
        report=report,
        user=approver,
        expected_version=report.version,
        overall="更正后的总体情况",
        entries={},
        sections={},
        reason="数据有误",
    )
    assert (revision.number, revision.kind, revision.reason) == (2, Revision.Kind.CORRECTION, "数据有误")
    history = list(report.revisions.order_by("number").values_list("number", "content__overall"))
    assert history == [(1, "全年履职情况良好。"), (2, "更正后的总体情况")]
    current = Report.objects.get(pk=report.pk)
    # A correction changes the text, not when the report was filed.
    assert (current.overall, current.state, current.submitted_at) == (
        "更正后的总体情况",
        Report.State.PUBLISHED,
        report.submitted_at,
    )


def test_a_correction_needs_a_reason_and_a_change(department, approver):
    report = factories.make_filed_report(department, 2023, approver)
    with pytest.raises(ValidationError) as excinfo:
        services.report_correct(
            report=report,
            user=approver,
            expected_version=report.version,
            overall="x",
            entries={},
            sections={},
            reason=" ",
        )
    assert messages(excinfo) == [str(services.CORRECTION_REASON_REQUIRED)]
    with pytest.raises(ValidationError) as excinfo:
        services.report_correct(
            report=report,
            user=approver,
            expected_version=report.version,
            overall=report.overall,
            entries={},
            sections={},
            reason="没改",
        )
    assert messages(excinfo) == [str(services.NOTHING_CORRECTED)]
    assert report.revisions.count() == 1


def test_a_draft_cannot_be_corrected(draft, approver):
    with pytest.raises(PermissionDenied):
        services.report_correct(
            report=draft, user=approver, expected_version=1, overall="x", entries={}, sections={}, reason="r"
        )
