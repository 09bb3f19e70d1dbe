"""Who works on problems: a jurisdiction's committee office and a department's handlers; hotline systems' keys."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class HandlingRole(models.Model):
    """Give an account one role on problems: a jurisdiction's committee office, or a department's handler.

    An account may hold several (an office of two counties, a handler of one department). Supervisors are
    the annual reports' province supervisors (reports.Membership): they read, verify and enter inspections.
    """

    class Kind(models.TextChoices):
        OFFICE = "office", _("生态环境保护委员会办公室")
        HANDLER = "handler", _("部门承办人")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("账号"), on_delete=models.CASCADE, related_name="handling_roles"
    )
    kind = models.CharField(_("角色"), max_length=20, choices=Kind.choices)
    jurisdiction = models.ForeignKey(
        "duties.Jurisdiction",
        verbose_name=_("行政区"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="problem_offices",
        help_text=_("办公室必填：其负责的行政区（含下辖市县）。"),
    )
    department = models.ForeignKey(
        "duties.Department",
        verbose_name=_("部门"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="problem_handlers",
        help_text=_("承办人必填。"),
    )

    class Meta:
        verbose_name = _("问题办理角色")
        verbose_name_plural = _("问题办理角色")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="office", jurisdiction__isnull=False, department__isnull=True)
                | Q(kind="handler", jurisdiction__isnull=True, department__isnull=False),
                name="handling_role_scope_matches_kind",
                violation_error_message=_("办公室须指定行政区（不指定部门）；承办人须指定部门（不指定行政区）。"),
            ),
            models.UniqueConstraint(
                fields=["user", "jurisdiction"],
                condition=Q(kind="office"),
                name="handling_role_one_office_per_jurisdiction",
                violation_error_message=_("该账号已是这一行政区的办公室。"),
            ),
            models.UniqueConstraint(
                fields=["user", "department"],
                condition=Q(kind="handler"),
                name="handling_role_one_handler_per_department",
                violation_error_message=_("该账号已是这一部门的承办人。"),
            ),
        ]

    def __str__(self):
        return f"{self.user}：{self.get_kind_display()}（{self.department or self.jurisdiction}）"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class HotlineKey(models.Model):
    """Let one hotline system (12345, 12369, an app) file problems through Open311 on its callers' behalf."""

    name = models.CharField(_("系统名称"), max_length=100)
    key_hash = models.CharField(_("密钥摘要"), max_length=64, unique=True, editable=False)
    key_prefix = models.CharField(_("密钥前缀"), max_length=8, editable=False, help_text=_("用于辨认，不足以使用。"))
    active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("热线系统密钥")
        verbose_name_plural = _("热线系统密钥")

    def __str__(self):
        return f"{self.name}（{self.key_prefix}…）"

    @classmethod
    def issue(cls, name: str) -> tuple["HotlineKey", str]:
        """A new key for `name`: the record (which keeps only a digest) and the key, shown once."""
        key = secrets.token_urlsafe(32)
        record = cls.objects.create(name=name, key_hash=hash_key(key), key_prefix=key[:8])
        return record, key

    @classmethod
    def authenticate(cls, key: str) -> "HotlineKey | None":
        if not key:
            return None
        return cls.objects.filter(key_hash=hash_key(key), active=True).first()
