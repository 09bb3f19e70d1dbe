"""What every problem service shares: the refusal, the timeline step and the audit entry it writes."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from duties.audit import AuditEntry, audit_entry_record
from problems import notifications
from problems.models import Event, Photo, Problem
from problems.photos import check_count, clean_photo

NOT_ALLOWED = _("您没有权限进行此操作。")
WRONG_STATE = _("问题当前状态为“%(status)s”，不能进行这一步。")
REASON_REQUIRED = _("请说明理由。")
NOTE_REQUIRED = _("请填写说明。")


def deny_unless(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(NOT_ALLOWED)


def locked(problem: Problem) -> Problem:
    """The problem re-read under a row lock: two clicks or two people take one step once."""
    return (
        Problem.objects.select_for_update(of=("self",))
        .select_related("jurisdiction__parent__parent", "department")
        .get(pk=problem.pk)
    )


def refuse_state(problem: Problem):
    raise ValidationError(WRONG_STATE % {"status": problem.get_status_display()}, code="state")


def required(value: str, message=NOTE_REQUIRED, field="note") -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def record_step(
    problem: Problem,
    kind: str,
    *,
    user=None,
    department=None,
    note: str = "",
    is_public: bool = True,
    due_on=None,
    on_time=None,
    at=None,
) -> Event:
    """Add one step to the timeline, audit it, and tell the reporter after commit if it is public."""
    event = Event(
        problem=problem,
        kind=kind,
        at=at or timezone.now(),
        actor=user if user is not None and user.is_authenticated else None,
        department=department,
        note=note,
        is_public=is_public,
        due_on=due_on,
        on_time=on_time,
    )
    event.full_clean(exclude=["problem", "actor", "department"])
    event.save()
    # The audit trail records the step, never the reporter's contact (which no step carries).
    audit_entry_record(
        user=user,
        action=AuditEntry.Action.CHANGE,
        obj=problem,
        reason=event.get_kind_display(),
        changes={"status": [None, problem.status], "step": [None, kind]},
    )
    if is_public and problem.published_at is not None:
        transaction.on_commit(lambda: notifications.reporter_step(problem.pk, event.pk))
    return event


def attach_photos(problem: Problem, uploads, *, event=None, is_public=False) -> list[Photo]:
    """Store each upload after checking it and stripping its metadata (problems.photos)."""
    uploads = [upload for upload in uploads or [] if upload]
    check_count(uploads)
    photos = []
    for upload in uploads:
        kind, clean = clean_photo(upload)
        photo = Photo(problem=problem, event=event, file=clean, kind=kind, size=clean.size, is_public=is_public)
        photo.full_clean(exclude=["file", "problem", "event"])
        photo.save()
        photos.append(photo)
    return photos
