"""Writes: a department's contact data, a reader's correction and its answer; each in one transaction with
its audit entry, checked against contact/permissions.py."""

import hashlib
import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string, salted_hmac
from django.utils.translation import gettext_lazy as _

from contact import notifications, permissions
from contact.models import CorrectionRequest, DepartmentContact
from duties.audit import AuditEntry, audit_entry_record

CONTACT_FIELDS = ("address", "phone", "website", "office_hours")
SUBMIT_TOKEN = re.compile(r"[A-Za-z0-9]{32}")
DUTY_NOT_OF_DEPARTMENT = _("所指事项不属于该部门的清单。")
TEXT_REQUIRED = _("请说明哪里有误。")
ANSWERED = _("这条纠错意见已经答复过了。")
RESPONSE_REQUIRED = _("请写明答复：采纳了什么、如何更正，或为什么不采纳。")


def _deny_unless(allowed: bool):
    if not allowed:
        raise PermissionDenied


@transaction.atomic
def contact_save(*, user, department, **fields) -> DepartmentContact:
    """Save what the department (or an admin) says about how to reach it; blank fields are simply unknown."""
    _deny_unless(permissions.can_edit_contact(user, department))
    contact = DepartmentContact.objects.select_for_update().filter(department=department).first()
    before = {field: getattr(contact, field, "") for field in CONTACT_FIELDS}
    contact = contact or DepartmentContact(department=department)
    for field in CONTACT_FIELDS:
        setattr(contact, field, (fields.get(field) or "").strip())
    contact.entered_as = (
        DepartmentContact.EnteredAs.DEPARTMENT
        if permissions.is_staff_of(user, department)
        else DepartmentContact.EnteredAs.ADMIN
    )
    contact.updated_at, contact.updated_by = timezone.now(), user
    contact.full_clean()
    contact.save()
    changes = {f: [before[f], getattr(contact, f)] for f in CONTACT_FIELDS if before[f] != getattr(contact, f)}
    audit_entry_record(user=user, action=AuditEntry.Action.CHANGE, obj=contact, changes=changes)
    return contact


def new_submit_token() -> str:
    return get_random_string(32)


def access_key_for(submit_token: str) -> str:
    return salted_hmac("contact.correction-key", submit_token, algorithm="sha256").hexdigest()[:40]


def digest(access_key: str) -> str:
    return hashlib.sha256(access_key.encode()).hexdigest()


@dataclass(frozen=True)
class Sent:
    correction: CorrectionRequest
    access_key: str  # the private link's key: shown to the reader, never stored
    created: bool


def sent_with(submit_token: str) -> Sent | None:
    """The correction a form with `submit_token` already sent (a double click, a retry), or None."""
    if not SUBMIT_TOKEN.fullmatch(submit_token or ""):
        return None
    correction = CorrectionRequest.objects.filter(submit_token=submit_token).first()
    return Sent(correction, access_key_for(submit_token), created=False) if correction else None


@transaction.atomic
def correction_send(*, department, text: str, submit_token: str, duty=None, reporter_email: str = "") -> Sent:
    """Send a reader's correction to the department and its office; the same form sent twice is one."""
    if existing := sent_with(submit_token):
        return existing
    if duty is not None and not duty.roles.filter(department=department).exists():
        raise ValidationError({"duty": DUTY_NOT_OF_DEPARTMENT})
    if not SUBMIT_TOKEN.fullmatch(submit_token or ""):
        raise ValidationError({"submit_token": _("表单已失效，请刷新页面后重新提交。")})
    correction = CorrectionRequest(
        department=department,
        duty=duty,
        text=(text or "").strip(),
        reporter_email=(reporter_email or "").strip(),
        submit_token=submit_token,
        access_key_hash=digest(access_key_for(submit_token)),
        received_at=timezone.now(),
    )
    if not correction.text:
        raise ValidationError({"text": TEXT_REQUIRED})
    correction.full_clean(exclude=["submit_token", "access_key_hash"])
    try:
        with transaction.atomic():  # a concurrent send of the same form loses here
            correction.save()
    except IntegrityError:
        if existing := sent_with(submit_token):
            return existing
        raise
    transaction.on_commit(lambda: notifications.handlers_told(correction.pk))
    return Sent(correction, access_key_for(submit_token), created=True)


@transaction.atomic
def correction_answer(*, correction: CorrectionRequest, user, accepted: bool, response: str) -> CorrectionRequest:
    """Answer a correction once: accepted (the list will be corrected) or declined, with the reason."""
    correction = CorrectionRequest.objects.select_for_update().select_related("department").get(pk=correction.pk)
    _deny_unless(permissions.can_handle(user, correction.department))
    if not correction.is_open:
        raise ValidationError(ANSWERED)
    if not (response or "").strip():
        raise ValidationError({"response": RESPONSE_REQUIRED})
    correction.status = CorrectionRequest.Status.ACCEPTED if accepted else CorrectionRequest.Status.DECLINED
    correction.response, correction.responded_at, correction.responded_by = response.strip(), timezone.now(), user
    correction.full_clean(exclude=["submit_token", "access_key_hash"])
    correction.save()
    audit_entry_record(
        user=user, action=AuditEntry.Action.CHANGE, obj=correction, changes={"status": ["received", correction.status]}
    )
    transaction.on_commit(lambda: notifications.reader_told(correction.pk))
    return correction
