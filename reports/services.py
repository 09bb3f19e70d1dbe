"""Every write of a report: create, save a draft, attach evidence, submit, publish, correct.

Each service checks who is asking (reports.permissions) and what state the report is in,
inside one transaction. Saves carry the version the writer started from: a draft changed
by someone else in between is refused, never silently overwritten.
"""

import datetime
import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from duties.selectors import obligations_of, subject_fields
from reports import attachments, notifications, permissions, planning, rules, search_index, selectors
from reports.models import Attachment, Report, ReportEntry, ReportSection, Revision

logger = logging.getLogger(__name__)

NOT_ALLOWED = _("您没有权限进行此操作。")
STORAGE_FAILED = _("附件暂时无法保存（存储空间或存储服务出错）。文字内容已保存，请稍后再上传附件。")
NOT_KEY_DUTY_DEPARTMENT = _("该部门不在承担重要生态环境保护职责的部门之列，无须报送年度专题报告。")
NO_ANNUAL_RULE = _("所在省份的文件没有规定年度专题报告。")
YEAR_OUT_OF_RANGE = _("所在省份的规则只要求 %(first)s 年度至今年的报告。")
REPORT_EXISTS = _("该部门这一年度的报告已经存在。")
NOT_A_DRAFT = _("报告已经报送，不能再作为草稿修改；如需更正，请由审核人提交更正。")
STALE_VERSION = _(
    "保存未成功：在您编辑期间，其他人已经修改了这份草稿。您填写的内容仍保留在下面；请先查看最新版本，核对后再次保存。"
)
UNKNOWN_ENTRY = _("提交的内容中有不属于这份报告的条目。")
OVERALL_REQUIRED = _("报送前请填写“生态环境保护职责履行总体情况”。")
NOT_SUBMITTED = _("报告尚未报送，不能公开或更正。")
CORRECTION_REASON_REQUIRED = _("请说明更正的原因。")
NOTHING_CORRECTED = _("内容与当前版本相同，没有需要更正的地方。")


class StaleVersion(ValidationError):
    """The report changed since the writer loaded it."""


@dataclass(frozen=True)
class EntryInput:
    status: str
    progress: str = ""
    figures: str = ""
    evidence_links: str = ""


def _deny_unless(allowed: bool):
    if not allowed:
        raise PermissionDenied(NOT_ALLOWED)


def _last_day_of(year: int) -> datetime.date:
    """The report on a year covers the duties led at its end (or today, while the year runs)."""
    return min(datetime.date(year, 12, 31), rules.today_in_china())


@transaction.atomic
def report_create(*, user, department, year: int) -> Report:
    """Open a draft of `department`'s report on `year`, pre-filled from its list, its plan and its province's rule."""
    _deny_unless(permissions.can_create(user, department))
    if not department.bears_key_duties:
        raise ValidationError(NOT_KEY_DUTY_DEPARTMENT)
    rule = rules.annual_rule_for(department.jurisdiction)
    if rule is None:
        raise ValidationError(NO_ANNUAL_RULE)
    years = rule.report_years(rules.today_in_china())
    if year not in years:
        raise ValidationError({"year": YEAR_OUT_OF_RANGE % {"first": years.start}})
    if Report.objects.filter(department=department, year=year).exists():
        raise ValidationError({"year": REPORT_EXISTS})
    report = Report(department=department, year=year, updated_by=user)
    report.full_clean()
    try:
        # A concurrent create of the same report loses here, on the unique constraint.
        with transaction.atomic():
            report.save()
    except IntegrityError:
        raise ValidationError({"year": REPORT_EXISTS}) from None
    ReportEntry.objects.bulk_create(_entries_for(report, department, _last_day_of(year)))
    ReportSection.objects.bulk_create(
        ReportSection(report=report, title=section.title, source_provision=section.provision, position=position)
        for position, section in enumerate(rules.extra_sections(rule), start=1)
    )
    return report


def _entries_for(report: Report, department, day: datetime.date) -> list[ReportEntry]:
    """One entry per specific duty the department leads on `day`, with what its plan for the year set out;
    without a list, one per general requirement put on it."""
    planned = planning.planned_work(department, report.year)
    no_plan = planning.PlannedWork(goal="", tasks="")
    return [
        ReportEntry(
            report=report,
            **subject_fields(subject),
            duty_text=subject.text,
            planned_goal=planned.get(subject.subject_key, no_plan).goal,
            planned_tasks=planned.get(subject.subject_key, no_plan).tasks,
            position=position,
        )
        for position, subject in enumerate(obligations_of(department, day), start=1)
    ]


def _claim_version(report: Report, *, user, expected_version: int, states) -> Report:
    """Move the report to the next version if it is still at `expected_version`, else raise StaleVersion."""
    claimed = Report.objects.filter(pk=report.pk, version=expected_version, state__in=states).update(
        version=F("version") + 1, updated_by=user, updated_at=timezone.now()
    )
    if not claimed:
        current = Report.objects.get(pk=report.pk)
        if current.state not in states:
            raise ValidationError(NOT_A_DRAFT)
        raise StaleVersion(STALE_VERSION, code="stale")
    return Report.objects.select_for_update().get(pk=report.pk)


def _write_content(report: Report, *, overall: str, entries: dict, sections: dict) -> None:
    report.overall = overall
    report.full_clean()
    report.save(update_fields=["overall"])
    current_entries = {entry.pk: entry for entry in report.entries.all()}
    current_sections = {section.pk: section for section in report.sections.all()}
    if not set(entries) <= set(current_entries) or not set(sections) <= set(current_sections):
        raise ValidationError(UNKNOWN_ENTRY)
    for entry_id, values in entries.items():
        entry = current_entries[entry_id]
        entry.status, entry.progress = values.status, values.progress
        entry.figures, entry.evidence_links = values.figures, values.evidence_links
        entry.full_clean()
    for section_id, body in sections.items():
        current_sections[section_id].body = body
        current_sections[section_id].full_clean()
    ReportEntry.objects.bulk_update(
        [current_entries[pk] for pk in entries], ["status", "progress", "figures", "evidence_links"]
    )
    ReportSection.objects.bulk_update([current_sections[pk] for pk in sections], ["body"])


def _is_repeat_of_last_save(report: Report, *, user, expected_version: int, overall, entries, sections) -> bool:
    """Whether a save refused as stale only repeats the one just made by the same person (a double click, a
    retry): the draft moved on by exactly that save, by them, to exactly this text."""
    current = Report.objects.get(pk=report.pk)
    if current.version != expected_version + 1 or current.updated_by_id != user.pk or current.overall != overall:
        return False
    saved_entries = {
        entry.pk: EntryInput(entry.status, entry.progress, entry.figures, entry.evidence_links)
        for entry in current.entries.filter(pk__in=entries)
    }
    saved_sections = dict(current.sections.filter(pk__in=sections).values_list("pk", "body"))
    return saved_entries == entries and saved_sections == sections


@transaction.atomic
def report_draft_save(
    *, report: Report, user, expected_version: int, overall: str, entries: dict, sections: dict
) -> Report:
    """Save the draft's text; refuse if someone saved it since `expected_version` was read, unless this only repeats
    the save the same person just made: that answers as saved, without a new version, and the report it returns
    says `repeated_save` so that the caller does not repeat what went with it (an upload)."""
    _deny_unless(permissions.is_staff_of(user, report.department))
    try:
        report = _claim_version(report, user=user, expected_version=expected_version, states=[Report.State.DRAFT])
    except StaleVersion:
        text = {"overall": overall, "entries": entries, "sections": sections}
        if _is_repeat_of_last_save(report, user=user, expected_version=expected_version, **text):
            current = Report.objects.get(pk=report.pk)
            current.repeated_save = True
            return current
        raise
    _write_content(report, overall=overall, entries=entries, sections=sections)
    report.repeated_save = False
    return report


@transaction.atomic
def report_mark_ready(*, report: Report, user) -> Report:
    """Mark the draft ready for the approver's review, and tell the department's approvers by e-mail."""
    _deny_unless(permissions.can_edit_draft(user, report))
    updated = Report.objects.filter(pk=report.pk, state=Report.State.DRAFT).update(
        ready_for_review_at=timezone.now(), ready_for_review_by=user
    )
    if not updated:
        raise ValidationError(NOT_A_DRAFT)
    current = Report.objects.with_department().get(pk=report.pk)
    approvers = list(selectors.approvers_of(current.department))
    transaction.on_commit(lambda: notifications.ready_for_review(current, editor=user, approvers=approvers))
    return current


@transaction.atomic
def attachment_add(*, report: Report, user, upload) -> Attachment:
    """Attach one evidence file to a draft after checking its content and size."""
    _deny_unless(permissions.is_staff_of(user, report.department))
    if not Report.objects.filter(pk=report.pk, state=Report.State.DRAFT).exists():
        raise ValidationError(NOT_A_DRAFT)
    kind = attachments.check_upload(upload)
    original_name = (upload.name or "")[-200:]
    upload.name = attachments.stored_name(kind)
    attachment = Attachment(
        report=report, file=upload, original_name=original_name, kind=kind, size=upload.size, uploaded_by=user
    )
    attachment.full_clean(exclude=["file"])
    try:
        attachment.save()
    except OSError as error:  # a full disk, a storage backend that is down
        logger.error("attachment storage failed: %s", error)
        raise ValidationError(STORAGE_FAILED, code="storage") from error
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment, user) -> None:
    """Remove an attachment from a draft, and its file."""
    _deny_unless(permissions.is_staff_of(user, attachment.report.department))
    if not attachment.report.is_draft:
        raise ValidationError(NOT_A_DRAFT)
    stored = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: stored.storage.delete(stored.name))


def _snapshot(report: Report) -> dict:
    return {
        "overall": report.overall,
        "entries": [
            {
                "duty": entry.duty_id,
                "requirement": entry.requirement_id,
                "duty_text": entry.duty_text,
                "planned_goal": entry.planned_goal,
                "planned_tasks": entry.planned_tasks,
                "status": entry.status,
                "progress": entry.progress,
                "figures": entry.figures,
                "evidence_links": entry.evidence_links,
            }
            for entry in report.entries.order_by("position")
        ],
        "sections": [
            {"title": section.title, "body": section.body} for section in report.sections.order_by("position")
        ],
        "attachments": [
            {"id": attachment.pk, "name": attachment.original_name, "kind": attachment.kind, "size": attachment.size}
            for attachment in report.attachments.all()
        ],
    }


@transaction.atomic
def report_submit(*, report: Report, user, expected_version: int) -> Report:
    """Submit the draft the approver has read; a repeated submit returns the first submission unchanged."""
    _deny_unless(permissions.is_approver_of(user, report.department))
    current = Report.objects.select_for_update().get(pk=report.pk)
    if current.is_filed:
        # A double click, the back button or a retry: the report was submitted already.
        return current
    _deny_unless(permissions.can_submit(user, current))
    if current.version != expected_version:
        raise StaleVersion(STALE_VERSION, code="stale")
    if not current.overall.strip():
        raise ValidationError({"overall": OVERALL_REQUIRED})
    rule = rules.annual_rule_for(current.department.jurisdiction)
    if rule is None:
        raise ValidationError(NO_ANNUAL_RULE)
    now = timezone.now()
    deadline = rule.annual_report_deadline(current.year)
    # The conditional update is what makes a second, concurrent submit a no-op.
    submitted = Report.objects.filter(pk=current.pk, state=Report.State.DRAFT, version=expected_version).update(
        state=Report.State.SUBMITTED,
        submitted_at=now,
        submitted_by=user,
        deadline=deadline,
        submitted_on_time=rules.submitted_on_time(now, deadline),
        version=F("version") + 1,
        updated_by=user,
        updated_at=now,
    )
    current = Report.objects.get(pk=current.pk)
    if submitted:
        current.full_clean()
        Revision.objects.create(
            report=current,
            number=1,
            kind=Revision.Kind.SUBMISSION,
            content=_snapshot(current),
            created_at=now,
            created_by=user,
        )
    return current


@transaction.atomic
def report_publish(*, report: Report, user) -> Report:
    """Publish a submitted report at its public address; publishing twice changes nothing."""
    _deny_unless(permissions.is_approver_of(user, report.department))
    current = Report.objects.select_for_update().get(pk=report.pk)
    if current.is_published:
        return current
    if not current.is_filed:
        raise ValidationError(NOT_SUBMITTED)
    _deny_unless(permissions.can_publish(user, current))
    current.state = Report.State.PUBLISHED
    current.published_at = timezone.now()
    current.full_clean()
    current.save(update_fields=["state", "published_at"])
    search_index.reindex_report(current)
    return current


@transaction.atomic
def report_correct(
    *,
    report: Report,
    user,
    expected_version: int,
    overall: str,
    entries: dict,
    sections: dict,
    reason: str,
) -> Revision:
    """Correct a submitted report: its text changes and a new revision records what, when, who and why."""
    _deny_unless(permissions.can_correct(user, report))
    if not reason.strip():
        raise ValidationError({"reason": CORRECTION_REASON_REQUIRED})
    filed = [Report.State.SUBMITTED, Report.State.PUBLISHED]
    report = _claim_version(report, user=user, expected_version=expected_version, states=filed)
    before = _snapshot(report)
    _write_content(report, overall=overall, entries=entries, sections=sections)
    after = _snapshot(report)
    if after == before:
        raise ValidationError(NOTHING_CORRECTED)
    last = report.revisions.order_by("-number").values_list("number", flat=True).first() or 1
    revision = Revision(
        report=report,
        number=last + 1,
        kind=Revision.Kind.CORRECTION,
        reason=reason.strip(),
        content=after,
        created_at=timezone.now(),
        created_by=user,
    )
    revision.full_clean()
    revision.save()
    search_index.reindex_report(report)
    return revision
