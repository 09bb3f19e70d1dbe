"""What every write of a draft list shares: the permission check, the version claim and the record of each step."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from duties.audit import AuditEntry, audit_entry_record
from listdrafts.models import DraftStep, ListDraft

NOT_ALLOWED = _("您没有权限进行此操作。")
NOT_EDITABLE = _("清单已报送初审，不能再修改；办公室退回后可以修改。")
STALE_VERSION = _("未保存：在您编辑期间，其他人已经修改了这份清单。请查看最新内容后再改。")


class StaleVersion(ValidationError):
    """The draft changed since the writer loaded it."""


def deny_unless(allowed: bool):
    if not allowed:
        raise PermissionDenied(NOT_ALLOWED)


def claim_version(draft: ListDraft, *, user, expected_version: int) -> ListDraft:
    """Take the draft for one edit: refused if it is no longer editable or someone changed it since."""
    claimed = ListDraft.objects.filter(pk=draft.pk, version=expected_version, state__in=ListDraft.EDITABLE).update(
        version=F("version") + 1, updated_by=user, updated_at=timezone.now()
    )
    if not claimed:
        if ListDraft.objects.get(pk=draft.pk).state not in ListDraft.EDITABLE:
            raise ValidationError(NOT_EDITABLE)
        raise StaleVersion(STALE_VERSION, code="stale")
    return ListDraft.objects.select_for_update(of=("self",)).with_department().get(pk=draft.pk)


def locked(draft: ListDraft) -> ListDraft:
    return ListDraft.objects.select_for_update(of=("self",)).with_department().get(pk=draft.pk)


def step_record(draft: ListDraft, *, user, step: str, comment: str = "", changes: dict | None = None) -> DraftStep:
    """Record a step where the department and the office read it, and in the audit trail (same transaction)."""
    recorded = DraftStep.objects.create(draft=draft, step=step, user=user, comment=comment.strip())
    audit_entry_record(
        user=user,
        action=AuditEntry.Action.ADD if step == DraftStep.Step.CREATED else AuditEntry.Action.CHANGE,
        obj=draft,
        reason=comment,
        changes={"state": [step, draft.state], **(changes or {})},
    )
    return recorded
