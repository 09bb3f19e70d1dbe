"""Who works on problems besides the committee office: a department's handlers; hotline systems' keys."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HandlingRole(models.Model):
    """Make an account one of a department's handlers of the problems assigned to it; an account may handle
    for several departments.

    The committee office that assigns problems is duties' CommitteeOffice (the same role that files plans
    for record); supervisors are the annual reports' province supervisors (reports.Membership).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("账号"), on_delete=models.CASCADE, related_name="handling_roles"
    )
    department = models.ForeignKey(
        "duties.Department",
        verbose_name=_("部门"),
        on_delete=models.CASCADE,
        related_name="problem_handlers",
    )

    class Meta:
        verbose_name = _("部门承办人")
        verbose_name_plural = _("部门承办人")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "department"],
                name="handling_role_one_handler_per_department",
                violation_error_message=_("该账号已是这一部门的承办人。"),
            ),
        ]

    def __str__(self):
        return f"{self.user}：{self.department}承办人"


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
