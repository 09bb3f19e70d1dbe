"""Every write of an annual report, with its permission and state checks.

Views, forms and the admin call these functions; they hold no rules of their own.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from duties.models import Department, DutyItem, DutyRole, ReportingRule
from reports.models import AnnualReport, Membership, ReportEntry, ReportRevision

NOT_A_MEMBER = "您不是该部门的填报人员，不能编辑其报告。"
NOT_AN_APPROVER = "只有该部门的审核报送人可以报送报告。"
REPORT_FROZEN = "报告已报送，不能再修改草稿；如需更正，请提交修订。"
NOT_SUBMITTED = "报告尚未报送。"
STALE_VERSION = "在您编辑期间，其他人已保存了这份报告（第 %(current)s 版）。您的内容没有保存，请复制后刷新页面再合并。"
UNKNOWN_DUTY = "第 %(duty)s 项不是该部门牵头的事项。"
NO_REASON = "请说明更正的理由。"


class ConcurrentEditError(ValidationError):
    """Someone else saved the report after this user opened it."""


def _roles_of(user, department):
    if user is None or not user.is_authenticated:
        return set()
    if user.is_superuser:
        return {Membership.Role.EDITOR, Membership.Role.APPROVER}
    return set(Membership.objects.filter(user=user, department=department).values_list("role", flat=True))


def user_can_edit(user, department) -> bool:
    return bool(_roles_of(user, department) & {Membership.Role.EDITOR, Membership.Role.APPROVER})


def user_can_submit(user, department) -> bool:
    return Membership.Role.APPROVER in _roles_of(user, department)


def user_supervises(user, department) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return Membership.objects.filter(
        user=user, role=Membership.Role.SUPERVISOR, jurisdiction__code__startswith=department.jurisdiction_id[:2]
    ).exists()


def user_can_view_draft(user, department) -> bool:
    return user_can_edit(user, department) or user_supervises(user, department)


def annual_report_rule(department):
    """The annual-report rule of the department's province, if its documents set one."""
    return (
        ReportingRule.objects.filter(
            kind=ReportingRule.Kind.ANNUAL_REPORT, jurisdiction__code=department.jurisdiction_id[:2] + "0000"
        )
        .order_by("position")
        .first()
    )


def led_duties(department):
    return (
        DutyItem.objects.filter(
            roles__department=department, roles__role__in=[DutyRole.Role.LEAD, DutyRole.Role.CO_LEAD]
        )
        .distinct()
        .order_by("document_id", "position")
    )


@transaction.atomic
def report_draft_create(*, department: Department, year: int, user) -> AnnualReport:
    """Open the department's report on `year` with one entry per duty it leads, or return the existing one."""
    if not user_can_edit(user, department):
        raise PermissionDenied(NOT_A_MEMBER)
    rule = annual_report_rule(department)
    report, created = AnnualReport.objects.get_or_create(
        department=department,
        year=year,
        defaults={"deadline": rule.annual_report_deadline(year) if rule else None},
    )
    if created:
        ReportEntry.objects.bulk_create(
            ReportEntry(report=report, duty=duty, position=index) for index, duty in enumerate(led_duties(department))
        )
    return report


@dataclass
class EntryInput:
    duty_id: int
    progress: str
    work_done: str = ""
    figures: str = ""
    evidence_links: str = ""


@transaction.atomic
def report_draft_save(
    *, report: AnnualReport, user, expected_version: int, overall: str, entries: list[EntryInput], extra_sections=None
) -> AnnualReport:
    """Save the draft unless someone saved it since `expected_version`; raise with a clear message otherwise."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not user_can_edit(user, report.department):
        raise PermissionDenied(NOT_A_MEMBER)
    if report.is_frozen:
        raise ValidationError(REPORT_FROZEN, code="frozen")
    if report.version != expected_version:
        raise ConcurrentEditError(STALE_VERSION, code="stale", params={"current": report.version})
    existing = {entry.duty_id: entry for entry in report.entries.all()}
    for item in entries:
        entry = existing.get(item.duty_id)
        if entry is None:
            raise ValidationError(UNKNOWN_DUTY, code="unknown_duty", params={"duty": item.duty_id})
        entry.progress, entry.work_done = item.progress, item.work_done
        entry.figures, entry.evidence_links = item.figures, item.evidence_links
        entry.full_clean(exclude=["report", "duty"])
    ReportEntry.objects.bulk_update(
        [existing[item.duty_id] for item in entries], ["progress", "work_done", "figures", "evidence_links"]
    )
    report.overall = overall
    if extra_sections is not None:
        report.extra_sections = extra_sections
    report.version += 1
    report.full_clean()
    report.save()
    return report


def _content(report):
    return {
        "overall": report.overall,
        "extra_sections": report.extra_sections,
        "entries": [
            {
                "duty": entry.duty_id,
                "progress": entry.progress,
                "work_done": entry.work_done,
                "figures": entry.figures,
                "evidence_links": entry.evidence_links,
            }
            for entry in report.entries.order_by("position")
        ],
    }


@transaction.atomic
def report_submit(*, report: AnnualReport, user) -> AnnualReport:
    """Submit the report and freeze it. Submitting again (a double click, a retry) changes nothing."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not user_can_submit(user, report.department):
        raise PermissionDenied(NOT_AN_APPROVER)
    if report.is_frozen:
        return report  # one submission, whatever the number of clicks
    report.status = AnnualReport.Status.SUBMITTED
    report.submitted_at = timezone.now()
    report.submitted_by = user
    report.full_clean()
    report.save()
    ReportRevision.objects.create(report=report, number=1, content=_content(report), created_by=user)
    return report


@transaction.atomic
def report_correct(*, report: AnnualReport, user, overall: str, reason: str) -> ReportRevision:
    """Correct a submitted report: a new revision, the earlier ones kept and visible."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not user_can_submit(user, report.department):
        raise PermissionDenied(NOT_AN_APPROVER)
    if not report.is_frozen:
        raise ValidationError(NOT_SUBMITTED, code="draft")
    if not reason.strip():
        raise ValidationError({"reason": NO_REASON})
    report.overall = overall
    report.version += 1
    report.save()
    number = report.revisions.count() + 1
    return ReportRevision.objects.create(
        report=report, number=number, content=_content(report), reason=reason, created_by=user
    )


@transaction.atomic
def report_publish(*, report: AnnualReport, user) -> AnnualReport:
    """Publish a submitted report on the department's public page."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not user_can_submit(user, report.department):
        raise PermissionDenied(NOT_AN_APPROVER)
    if not report.is_frozen:
        raise ValidationError(NOT_SUBMITTED, code="draft")
    if report.status != AnnualReport.Status.PUBLISHED:
        report.status = AnnualReport.Status.PUBLISHED
        report.published_at = timezone.now()
        report.save()
    return report
