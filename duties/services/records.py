"""Correct one record of the duty data (the admin's saves and deletes), recording who, when, why and what.

Corrections are not editions: they fix what the data says (a misread name, a wrong department) without
making a new version. A version an edition has ended is history and is never corrected. Every write is
recorded in the audit trail and keeps the search index current, in the same transaction.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from duties import search_index
from duties.audit import AuditEntry, audit_entry_record, changed_fields, field_values
from duties.models import Department, Document, DutyItem, DutyRole, Provision
from duties.services.ids import id_assign

HISTORY_IS_READ_ONLY = _("这个版本已由后来的清单版本终止，是历史记录，不能修改或删除。")


def is_history(duty: DutyItem | None) -> bool:
    """A version an edition has ended: history, which corrections must not rewrite."""
    return duty is not None and duty.valid_until is not None


def may_correct(obj) -> bool:
    """Whether `obj` may be corrected at all: not a version an edition ended, nor one of its roles."""
    if isinstance(obj, DutyItem):
        return not is_history(obj)
    if isinstance(obj, DutyRole) and obj.duty_id:
        return not is_history(obj.duty)
    return True


def _refuse_history(obj) -> None:
    if obj is not None and obj.pk is not None:
        stored = type(obj)._base_manager.filter(pk=obj.pk).first()
        if stored is not None and not may_correct(stored):
            raise PermissionDenied(HISTORY_IS_READ_ONLY)
    if isinstance(obj, DutyRole) and obj.duty_id and is_history(DutyItem.objects.filter(pk=obj.duty_id).first()):
        raise PermissionDenied(HISTORY_IS_READ_ONLY)


@transaction.atomic
def record_save(*, user, obj, fields: list[str], reason: str, adding: bool) -> None:
    """Save a corrected (or new) record and record each of `fields` before and after, with the reason."""
    _refuse_history(obj)
    before = field_values(type(obj)._base_manager.get(pk=obj.pk), fields) if not adding else {}
    previous_duty_id = before.get("duty")
    if adding:
        id_assign(obj)
    obj.save()
    changes = changed_fields(before, field_values(obj, fields))
    if changes or adding:  # a save that changed only inline rows is recorded by `inline_records_save`
        action = AuditEntry.Action.ADD if adding else AuditEntry.Action.CHANGE
        audit_entry_record(user=user, action=action, obj=obj, reason=reason, changes=changes)
    _reindex(obj, previous_duty_id)


@transaction.atomic
def inline_records_save(*, user, formset, reason: str) -> None:
    """Save an admin inline formset (a duty's roles, a document's issuers), recording each row's change."""
    parent = formset.instance
    if not may_correct(parent):
        raise PermissionDenied(HISTORY_IS_READ_ONLY)
    deleted = [(form.instance, field_values(form.instance, form.fields)) for form in formset.deleted_forms]
    formset.save(commit=False)
    for obj in formset.deleted_objects:
        obj.delete()
    for obj in formset.new_objects:
        id_assign(obj)  # in its parent's range: a role of a duty is that duty's id × 100 + n
        obj.save()
    for obj, _fields in formset.changed_objects:
        obj.save()
    forms_by_pk = {form.instance.pk: form for form in formset.forms}
    for obj in formset.new_objects:
        fields = [name for name in forms_by_pk[obj.pk].fields if name not in ("id", "DELETE")]
        changes = changed_fields({}, field_values(obj, fields))
        audit_entry_record(user=user, action=AuditEntry.Action.ADD, obj=obj, reason=reason, changes=changes)
    for obj, fields in formset.changed_objects:
        initial = forms_by_pk[obj.pk].initial
        changes = changed_fields({name: initial.get(name) for name in fields}, field_values(obj, fields))
        audit_entry_record(user=user, action=AuditEntry.Action.CHANGE, obj=obj, reason=reason, changes=changes)
    for obj, values in deleted:
        changes = {name: [value, None] for name, value in values.items()}
        audit_entry_record(user=user, action=AuditEntry.Action.DELETE, obj=obj, reason=reason, changes=changes)
    if isinstance(parent, DutyItem):
        # After the roles: the lead departments' names are part of the duty's search text.
        search_index.reindex_duties(DutyItem.objects.filter(pk=parent.pk))


@transaction.atomic
def record_delete(*, user, obj) -> None:
    """Delete a record, keeping in the audit trail every field it had (Django's delete page asks no reason)."""
    _refuse_history(obj)
    values = field_values(obj, [field.name for field in obj._meta.concrete_fields])
    changes = {name: [value, None] for name, value in values.items()}
    audit_entry_record(user=user, action=AuditEntry.Action.DELETE, obj=obj, changes=changes)
    duty_id = getattr(obj, "duty_id", None)
    obj.delete()
    if duty_id is not None:
        search_index.reindex_duties(DutyItem.objects.filter(pk=duty_id))


def _reindex(obj, previous_duty_id=None) -> None:
    """Keep the search columns of what was saved current (and of the duties that show its names)."""
    if isinstance(obj, Department):
        search_index.reindex_department(obj)
    elif isinstance(obj, Document):
        search_index.reindex_documents(Document.objects.filter(pk=obj.pk))
    elif isinstance(obj, Provision):
        search_index.reindex_provisions(Provision.objects.filter(pk=obj.pk))
    elif isinstance(obj, DutyItem):
        search_index.reindex_duties(DutyItem.objects.filter(pk=obj.pk))
    elif isinstance(obj, DutyRole):
        # A role moved to another duty changes the search text of both.
        search_index.reindex_duties(DutyItem.objects.filter(pk__in={obj.duty_id, previous_duty_id or obj.duty_id}))
