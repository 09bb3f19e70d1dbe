"""Every write of an annual plan: create, save a draft, submit for record, acknowledge or return, publish, revise.

Each service checks who is asking (plans.permissions) and the plan's state inside one transaction, and records
each step of the filing in the audit trail. Saves carry the version the writer started from: a plan changed by
someone else in between is refused, never silently overwritten.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from duties.audit import AuditEntry, audit_entry_record
from duties.selectors import obligations_of, subject_fields
from plans import permissions
from plans.models import AnnualPlan, PlanEntry, PlanRevision, plannable_years
from reports.rules import today_in_china

NOT_ALLOWED = _("您没有权限进行此操作。")
NOT_KEY_DUTY_DEPARTMENT = _("该部门不在承担重要生态环境保护职责的部门之列，无须制定年度工作方案。")
YEAR_OUT_OF_RANGE = _("只能建立 %(first)s 至 %(last)s 年度的工作方案。")
PLAN_EXISTS = _("该部门这一年度的工作方案已经存在。")
NOT_EDITABLE = _("方案已报送备案，不能再修改；如需修改，请等待办公室退回，或在公开后由审核人发起修订。")
STALE_VERSION = _(
    "保存未成功：在您编辑期间，其他人已经修改了这份方案。您填写的内容仍保留在下面；请先查看最新版本，核对后再次保存。"
)
UNKNOWN_ENTRY = _("提交的内容中有不属于这份方案的事项。")
GOAL_REQUIRED = _("报送备案前请填写“全年目标”。")
ENTRY_INCOMPLETE = _("报送备案前请为每个事项填写年度目标和责任单位：第 %(numbers)s 项尚未填写。")
NOT_SUBMITTED = _("方案不在待备案状态，不能备案或退回。")
COMMENT_REQUIRED = _("退回时请写明需要修改的地方。")
NOT_ACKNOWLEDGED = _("方案尚未备案，不能公开。")
NOT_PUBLISHED = _("只有已公开的方案才能发起修订。")


class StaleVersion(ValidationError):
    """The plan changed since the writer loaded it."""


@dataclass(frozen=True)
class PlanEntryInput:
    goal: str = ""
    key_tasks: str = ""
    measures: str = ""
    responsible_unit: str = ""
    responsible_person: str = ""
    planned_completion: datetime.date | None = None


ENTRY_FIELDS = ["goal", "key_tasks", "measures", "responsible_unit", "responsible_person", "planned_completion"]


def _deny_unless(allowed: bool):
    if not allowed:
        raise PermissionDenied(NOT_ALLOWED)


def _record(user, plan, step: str, comment: str = ""):
    audit_entry_record(
        user=user, action=AuditEntry.Action.CHANGE, obj=plan, reason=comment, changes={"state": [step, plan.state]}
    )


@transaction.atomic
def plan_create(*, user, department, year: int) -> AnnualPlan:
    """Open a draft of `department`'s plan on `year`, pre-filled with the duties it leads on 1 January (or the
    general requirements put on it, while it has published no list)."""
    _deny_unless(permissions.can_create(user, department))
    if not department.bears_key_duties:
        raise ValidationError(NOT_KEY_DUTY_DEPARTMENT)
    years = plannable_years(today_in_china())
    if year not in years:
        raise ValidationError({"year": YEAR_OUT_OF_RANGE % {"first": years.start, "last": years.stop - 1}})
    if AnnualPlan.objects.filter(department=department, year=year).exists():
        raise ValidationError({"year": PLAN_EXISTS})
    plan = AnnualPlan(department=department, year=year, updated_by=user)
    plan.full_clean()
    try:
        with transaction.atomic():  # a concurrent create of the same plan loses here
            plan.save()
    except IntegrityError:
        raise ValidationError({"year": PLAN_EXISTS}) from None
    PlanEntry.objects.bulk_create(
        PlanEntry(
            plan=plan,
            **subject_fields(subject),
            duty_text=subject.text,
            position=position,
        )
        for position, subject in enumerate(obligations_of(department, datetime.date(year, 1, 1)), start=1)
    )
    audit_entry_record(user=user, action=AuditEntry.Action.ADD, obj=plan)
    return plan


def _claim_version(plan: AnnualPlan, *, user, expected_version: int) -> AnnualPlan:
    claimed = AnnualPlan.objects.filter(pk=plan.pk, version=expected_version, state__in=AnnualPlan.EDITABLE).update(
        version=F("version") + 1, updated_by=user, updated_at=timezone.now()
    )
    if not claimed:
        if AnnualPlan.objects.get(pk=plan.pk).state not in AnnualPlan.EDITABLE:
            raise ValidationError(NOT_EDITABLE)
        raise StaleVersion(STALE_VERSION, code="stale")
    return AnnualPlan.objects.select_for_update().get(pk=plan.pk)


def _is_repeat_of_last_save(plan: AnnualPlan, *, user, expected_version: int, overall_goal: str, entries) -> bool:
    """Whether a save refused as stale only repeats the one just made by the same person (a double click, a
    retry): the plan moved on by exactly that save, by them, to exactly this text."""
    current = AnnualPlan.objects.get(pk=plan.pk)
    if current.version != expected_version + 1 or current.updated_by_id != user.pk:
        return False
    saved = {
        entry.pk: PlanEntryInput(**{field: getattr(entry, field) for field in ENTRY_FIELDS})
        for entry in current.entries.filter(pk__in=entries)
    }
    return current.overall_goal == overall_goal and saved == entries


@transaction.atomic
def plan_draft_save(*, plan: AnnualPlan, user, expected_version: int, overall_goal: str, entries: dict) -> AnnualPlan:
    """Save the plan's text while it is a draft (or returned); refuse if someone saved it since, unless this only
    repeats the save the same person just made (that answers as saved, without a new version)."""
    _deny_unless(permissions.is_staff_of(user, plan.department))
    try:
        plan = _claim_version(plan, user=user, expected_version=expected_version)
    except StaleVersion:
        text = {"overall_goal": overall_goal, "entries": entries}
        if _is_repeat_of_last_save(plan, user=user, expected_version=expected_version, **text):
            return AnnualPlan.objects.get(pk=plan.pk)
        raise
    plan.overall_goal = overall_goal
    plan.full_clean()
    plan.save(update_fields=["overall_goal"])
    current = {entry.pk: entry for entry in plan.entries.all()}
    if not set(entries) <= set(current):
        raise ValidationError(UNKNOWN_ENTRY)
    for entry_id, values in entries.items():
        entry = current[entry_id]
        for field in ENTRY_FIELDS:
            setattr(entry, field, getattr(values, field))
        entry.full_clean()
    PlanEntry.objects.bulk_update([current[pk] for pk in entries], ENTRY_FIELDS)
    return plan


def snapshot(plan: AnnualPlan) -> dict:
    """The plan's text as a revision keeps it."""
    return {
        "overall_goal": plan.overall_goal,
        "entries": [
            {
                "duty": entry.duty_id,
                "lineage": entry.duty.lineage if entry.duty_id else None,
                "requirement": entry.requirement_id,
                "subject": entry.subject.subject_key,
                "duty_text": entry.duty_text,
                **{field: getattr(entry, field) for field in ENTRY_FIELDS if field != "planned_completion"},
                "planned_completion": entry.planned_completion.isoformat() if entry.planned_completion else None,
            }
            for entry in plan.entries.select_related("duty", "requirement").order_by("position")
        ],
    }


def _check_complete(plan: AnnualPlan):
    if not plan.overall_goal.strip():
        raise ValidationError({"overall_goal": GOAL_REQUIRED})
    missing = [
        str(entry.position)
        for entry in plan.entries.order_by("position")
        if not entry.goal.strip() or not entry.responsible_unit.strip()
    ]
    if missing:
        raise ValidationError(ENTRY_INCOMPLETE % {"numbers": "、".join(missing)})


@transaction.atomic
def plan_submit(*, plan: AnnualPlan, user, expected_version: int) -> AnnualPlan:
    """Submit the plan for record (报送备案); a repeated submit returns the first submission unchanged."""
    _deny_unless(permissions.is_approver_of(user, plan.department))
    current = AnnualPlan.objects.select_for_update().select_related("department").get(pk=plan.pk)
    if current.state == AnnualPlan.State.SUBMITTED:
        return current  # a double click, the back button or a retry
    _deny_unless(permissions.can_submit(user, current))
    if current.version != expected_version:
        raise StaleVersion(STALE_VERSION, code="stale")
    _check_complete(current)
    now = timezone.now()
    number = (current.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    PlanRevision.objects.create(
        plan=current, number=number, content=snapshot(current), submitted_at=now, submitted_by=user
    )
    current.state = AnnualPlan.State.SUBMITTED
    current.first_submitted_at = current.first_submitted_at or now
    current.version += 1
    current.updated_by = user
    current.full_clean()
    current.save(update_fields=["state", "first_submitted_at", "version", "updated_by", "updated_at"])
    _record(user, current, "submit")
    return current


def _pending_revision(plan: AnnualPlan) -> PlanRevision:
    return plan.revisions.select_for_update().get(decision=PlanRevision.Decision.PENDING)


@transaction.atomic
def plan_acknowledge(*, plan: AnnualPlan, user, comment: str = "") -> AnnualPlan:
    """The committee office acknowledges the submitted plan: it is filed for record (备案)."""
    current = AnnualPlan.objects.select_for_update().select_related("department__jurisdiction").get(pk=plan.pk)
    if current.state != AnnualPlan.State.SUBMITTED:
        _deny_unless(permissions.is_office_of(user, current.department.jurisdiction))
        raise ValidationError(NOT_SUBMITTED)
    _deny_unless(permissions.can_decide(user, current))
    now = timezone.now()
    revision = _pending_revision(current)
    revision.decision, revision.comment = PlanRevision.Decision.ACKNOWLEDGED, comment.strip()
    revision.decided_at, revision.decided_by = now, user
    revision.full_clean()
    revision.save()
    current.state = AnnualPlan.State.ACKNOWLEDGED
    current.first_acknowledged_at = current.first_acknowledged_at or now
    current.full_clean()
    current.save(update_fields=["state", "first_acknowledged_at", "updated_at"])
    _record(user, current, "acknowledge", comment)
    return current


@transaction.atomic
def plan_return(*, plan: AnnualPlan, user, comment: str) -> AnnualPlan:
    """The committee office returns the submitted plan with its comments; the department edits and resubmits."""
    current = AnnualPlan.objects.select_for_update().select_related("department__jurisdiction").get(pk=plan.pk)
    if current.state != AnnualPlan.State.SUBMITTED:
        _deny_unless(permissions.is_office_of(user, current.department.jurisdiction))
        raise ValidationError(NOT_SUBMITTED)
    _deny_unless(permissions.can_decide(user, current))
    if not comment.strip():
        raise ValidationError({"comment": COMMENT_REQUIRED})
    revision = _pending_revision(current)
    revision.decision, revision.comment = PlanRevision.Decision.RETURNED, comment.strip()
    revision.decided_at, revision.decided_by = timezone.now(), user
    revision.full_clean()
    revision.save()
    current.state = AnnualPlan.State.RETURNED
    current.full_clean()
    current.save(update_fields=["state", "updated_at"])
    _record(user, current, "return", comment)
    return current


@transaction.atomic
def plan_publish(*, plan: AnnualPlan, user) -> AnnualPlan:
    """Publish the revision the office acknowledged; publishing twice changes nothing."""
    _deny_unless(permissions.is_approver_of(user, plan.department))
    current = AnnualPlan.objects.select_for_update().select_related("department").get(pk=plan.pk)
    if current.state == AnnualPlan.State.PUBLISHED:
        return current
    if current.state != AnnualPlan.State.ACKNOWLEDGED:
        raise ValidationError(NOT_ACKNOWLEDGED)
    _deny_unless(permissions.can_publish(user, current))
    current.published_revision = current.revisions.filter(decision=PlanRevision.Decision.ACKNOWLEDGED).latest("number")
    current.state = AnnualPlan.State.PUBLISHED
    current.published_at = timezone.now()
    current.full_clean()
    current.save(update_fields=["state", "published_revision", "published_at", "updated_at"])
    _record(user, current, "publish")
    return current


@transaction.atomic
def plan_revise(*, plan: AnnualPlan, user) -> AnnualPlan:
    """Open a new revision of a published plan: it is a draft again, and the public keeps reading the last one."""
    _deny_unless(permissions.is_approver_of(user, plan.department))
    current = AnnualPlan.objects.select_for_update().select_related("department").get(pk=plan.pk)
    if current.state != AnnualPlan.State.PUBLISHED:
        raise ValidationError(NOT_PUBLISHED)
    _deny_unless(permissions.can_revise(user, current))
    current.state = AnnualPlan.State.DRAFT
    current.version += 1
    current.updated_by = user
    current.full_clean()
    current.save(update_fields=["state", "version", "updated_by", "updated_at"])
    _record(user, current, "revise")
    return current
