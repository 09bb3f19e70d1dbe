"""The audit trail of the duty lists: who changed what, when and why. Admins read it; the public never sees it."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from duties.bulk_rows import rows_insert


class AuditEntry(models.Model):
    """Record one change to the duty data: the object, the fields before and after, the person and the reason."""

    class Action(models.TextChoices):
        ADD = "add", _("新增")
        CHANGE = "change", _("修改")
        DELETE = "delete", _("删除")

    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("操作"), max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, verbose_name=_("对象类型"), on_delete=models.PROTECT)
    object_id = models.CharField(_("对象编号"), max_length=40)
    object_repr = models.CharField(_("对象"), max_length=200)
    reason = models.TextField(_("原因"), blank=True)
    changes = models.JSONField(
        _("改动"), default=dict, blank=True, encoder=DjangoJSONEncoder, help_text=_("字段 → [改前, 改后]。")
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="audit_entry_object")]
        verbose_name = _("修改记录")
        verbose_name_plural = _("修改记录")

    def __str__(self):
        return f"{self.get_action_display()} {self.object_repr}"


def field_values(obj, fields) -> dict:
    """The current values of `fields` of `obj`, as the audit trail stores them (foreign keys by id)."""
    model_fields = {field.name: field for field in obj._meta.concrete_fields}
    return {name: getattr(obj, model_fields[name].attname) for name in fields if name in model_fields}


def changed_fields(before: dict, after: dict) -> dict:
    return {name: [before.get(name), after[name]] for name in after if before.get(name) != after[name]}


@transaction.atomic
def audit_entry_record(*, user, action: str, obj, reason: str = "", changes: dict | None = None) -> AuditEntry:
    """Record one change made by `user` to `obj`, with the reason they gave."""
    entry = AuditEntry(
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        reason=reason.strip(),
        changes=changes or {},
    )
    entry.full_clean(exclude=["user", "content_type"])
    entry.save()
    return entry


def audit_entries_record(*, user, reason: str, entries) -> int:
    """Record many changes of one operation (an edition's new and ended versions) in a few inserts.

    `entries` yields (action, obj, changes); each is recorded as `audit_entry_record` would, one row per object.
    """
    rows = ((action, type(obj), obj.pk, str(obj), changes) for action, obj, changes in entries)
    return audit_rows_record(user=user, reason=reason, rows=rows)


def audit_rows_record(*, user, reason: str, rows) -> int:
    """The same for objects known by their model, primary key and name: `rows` yields (action, model, pk, name,
    changes), so that an edition of 20,000 duties needs no model instance for each (duties/bulk_rows.py)."""
    user = user if user is not None and user.is_authenticated else None
    content_types, now, reason = {}, timezone.now(), reason.strip()

    def values():
        for action, model, pk, name, changes in rows:
            if model not in content_types:
                content_types[model] = ContentType.objects.get_for_model(model, for_concrete_model=True).pk
            yield now, user and user.pk, action, content_types[model], str(pk), name[:200], reason, changes or {}

    fields = ["created_at", "user", "action", "content_type", "object_id", "object_repr", "reason", "changes"]
    return rows_insert(AuditEntry, fields, values())
