"""The loop after filing: the office assigns (交办), the department accepts (受理) or returns it (退回),
posts progress, may extend once, records rectification (整改) and finishes (办结); the office or a supervisor
verifies and closes it (销号) or reopens it. Every step is timed against the jurisdiction's limits.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from problems import notifications, permissions
from problems.models import Event, Problem, TimeLimits
from problems.models.limits import on_time, today_in_china
from problems.search_index import reindex_problem
from problems.services.common import (
    REASON_REQUIRED,
    attach_photos,
    deny_unless,
    locked,
    record_step,
    refuse_state,
    required,
)

NOT_PUBLISHED = _("请先审核并公开问题描述，再交办。")
SAME_DEPARTMENT = _("问题已交办给该部门。")
OTHER_JURISDICTION = _("只能交办给本行政区或上级行政区的部门。")
EXTENSION_USED = _("延期次数已用完（只能延期 %(count)s 次）。")
EXTENSION_TOO_LONG = _("延期不能超过 %(days)s 日。")
EXTENSION_TOO_SHORT = _("延期天数至少为 1 日。")
EXTENSION_TOO_LATE = _("办结期限（%(due)s）已过，不能再延期。")
EXTENSION_NOT_ALLOWED = _("本地规定不允许延期。")


def _limits(problem: Problem) -> TimeLimits:
    return TimeLimits.for_jurisdiction(problem.jurisdiction)


@transaction.atomic
def problem_assign(*, problem: Problem, user, department, note: str = "", public_text: str | None = None) -> Problem:
    """Assign the problem to its lead department (or change the assignment); publish its text if given."""
    problem = locked(problem)
    deny_unless(permissions.can_assign(user, problem))
    if problem.status not in (Problem.Status.NEW, Problem.Status.ASSIGNED):
        refuse_state(problem)
    if department.jurisdiction_id not in permissions.chain_of(problem.jurisdiction):
        raise ValidationError({"department": OTHER_JURISDICTION})
    if problem.status == Problem.Status.ASSIGNED and problem.department_id == department.pk:
        raise ValidationError({"department": SAME_DEPARTMENT})
    now = timezone.now()
    if public_text is not None and public_text.strip():
        problem.public_text = public_text.strip()
        if problem.published_at is None:
            problem.published_at = now
            record_step(problem, Event.Kind.PUBLISHED, user=user, at=now)
    if problem.published_at is None:
        raise ValidationError({"public_text": NOT_PUBLISHED})
    problem.department, problem.status, problem.assigned_at = department, Problem.Status.ASSIGNED, now
    problem.full_clean()
    problem.save()
    record_step(
        problem, Event.Kind.ASSIGNED, user=user, department=department, note=note.strip(), due_on=problem.acceptance_due
    )
    reindex_problem(problem)
    transaction.on_commit(lambda: notifications.handlers_assigned(problem.pk))
    return problem


@transaction.atomic
def problem_accept(*, problem: Problem, user, note: str = "") -> Problem:
    """Accept (受理) the assigned problem: on time if on or before its acceptance day; the handling days start."""
    problem = locked(problem)
    deny_unless(permissions.can_accept(user, problem))
    if problem.status != Problem.Status.ASSIGNED:
        refuse_state(problem)
    now = timezone.now()
    problem.status, problem.accepted_at = Problem.Status.ACCEPTED, now
    problem.accepted_on_time = on_time(now, problem.acceptance_due)
    problem.handling_due = _limits(problem).handling_due(now)
    problem.full_clean()
    problem.save()
    record_step(
        problem,
        Event.Kind.ACCEPTED,
        user=user,
        department=problem.department,
        note=note.strip(),
        due_on=problem.acceptance_due,
        on_time=problem.accepted_on_time,
        at=now,
    )
    return problem


@transaction.atomic
def problem_return(*, problem: Problem, user, reason: str) -> Problem:
    """Return the problem to the office (退回) with a reason: it is not the department's; the office re-routes."""
    problem = locked(problem)
    deny_unless(permissions.can_return(user, problem))
    if problem.status != Problem.Status.ASSIGNED:
        refuse_state(problem)
    department = problem.department
    problem.status, problem.department, problem.assigned_at = Problem.Status.NEW, None, None
    problem.save(update_fields=["status", "department", "assigned_at"])
    record_step(
        problem, Event.Kind.RETURNED, user=user, department=department, note=required(reason, REASON_REQUIRED, "reason")
    )
    reindex_problem(problem)
    return problem


@transaction.atomic
def problem_progress(*, problem: Problem, user, note: str, photos=()) -> Event:
    """Post a public progress update while handling."""
    problem = locked(problem)
    deny_unless(permissions.can_handle(user, problem))
    event = record_step(problem, Event.Kind.PROGRESS, user=user, department=problem.department, note=required(note))
    attach_photos(problem, photos, event=event, is_public=True)
    return event


@transaction.atomic
def problem_extend(*, problem: Problem, user, days: int, reason: str) -> Problem:
    """Extend the handling deadline once, by at most the jurisdiction's maximum, before it passes; reason public."""
    problem = locked(problem)
    deny_unless(permissions.can_handle(user, problem))
    limits = _limits(problem)
    reason = required(reason, REASON_REQUIRED, "reason")
    if limits.extensions_allowed == 0 or limits.extension_max_days == 0:
        raise ValidationError(EXTENSION_NOT_ALLOWED, code="extension")
    if problem.extension_count >= limits.extensions_allowed:
        raise ValidationError(EXTENSION_USED % {"count": limits.extensions_allowed}, code="extension")
    if days < 1:
        raise ValidationError({"days": EXTENSION_TOO_SHORT})
    if problem.extended_days + days > limits.extension_max_days:
        raise ValidationError({"days": EXTENSION_TOO_LONG % {"days": limits.extension_max_days}})
    if today_in_china() > problem.handling_due:
        raise ValidationError(EXTENSION_TOO_LATE % {"due": problem.handling_due}, code="extension")
    before = problem.handling_due
    problem.extended_days += days
    problem.extension_count += 1
    problem.handling_due = limits.handling_due(problem.accepted_at, problem.extended_days)
    problem.save(update_fields=["extended_days", "extension_count", "handling_due"])
    note = _("延期 %(days)s 日（办结期限由 %(before)s 延至 %(after)s）：%(reason)s") % {
        "days": days,
        "before": before,
        "after": problem.handling_due,
        "reason": reason,
    }
    record_step(
        problem, Event.Kind.EXTENDED, user=user, department=problem.department, note=note, due_on=before, on_time=True
    )
    return problem


@transaction.atomic
def problem_rectify(*, problem: Problem, user, note: str, photos=()) -> Event:
    """Record rectification (整改) with its evidence: what was done, with photos (public)."""
    problem = locked(problem)
    deny_unless(permissions.can_handle(user, problem))
    event = record_step(problem, Event.Kind.RECTIFIED, user=user, department=problem.department, note=required(note))
    attach_photos(problem, photos, event=event, is_public=True)
    return event


@transaction.atomic
def problem_finish(*, problem: Problem, user, note: str) -> Problem:
    """Finish handling (办结): on time if on or before the handling day; the office or a supervisor verifies next."""
    problem = locked(problem)
    deny_unless(permissions.can_handle(user, problem))
    now = timezone.now()
    problem.status, problem.handled_at = Problem.Status.HANDLED, now
    problem.handled_on_time = on_time(now, problem.handling_due)
    problem.save(update_fields=["status", "handled_at", "handled_on_time"])
    record_step(
        problem,
        Event.Kind.HANDLED,
        user=user,
        department=problem.department,
        note=required(note),
        due_on=problem.handling_due,
        on_time=problem.handled_on_time,
        at=now,
    )
    return problem


@transaction.atomic
def problem_close(*, problem: Problem, user, note: str) -> Problem:
    """Verify the department's work and close the problem (销号)."""
    problem = locked(problem)
    deny_unless(permissions.can_verify(user, problem))
    problem.status, problem.closed_at = Problem.Status.CLOSED, timezone.now()
    problem.save(update_fields=["status", "closed_at"])
    record_step(problem, Event.Kind.CLOSED, user=user, note=required(note))
    reindex_problem(problem)
    return problem


@transaction.atomic
def problem_reopen(*, problem: Problem, user, reason: str) -> Problem:
    """Send a finished problem back to its department: the verification found it not done. The deadline stands."""
    problem = locked(problem)
    deny_unless(permissions.can_verify(user, problem))
    problem.status, problem.handled_at, problem.handled_on_time = Problem.Status.ACCEPTED, None, None
    problem.save(update_fields=["status", "handled_at", "handled_on_time"])
    record_step(
        problem,
        Event.Kind.REOPENED,
        user=user,
        department=problem.department,
        note=required(reason, REASON_REQUIRED, "reason"),
    )
    return problem
