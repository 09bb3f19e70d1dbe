"""How a reader reaches a department: its contact data, entered by the department or an admin (never
invented, omitted where unknown), and 我要纠错: a reader's report of an error in its list, which reaches the
department and its committee office as a correction request with its own status."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

CORRECTION_TEXT_MAX = 2000  # the help text below states it
RESPONSE_TEXT_MAX = 2000


class DepartmentContact(models.Model):
    """Hold how the public reaches one department; every field is optional and shown only when filled."""

    class EnteredAs(models.TextChoices):
        DEPARTMENT = "department", _("本部门")
        ADMIN = "admin", _("平台管理员")

    department = models.OneToOneField(
        "duties.Department", verbose_name=_("部门"), primary_key=True, on_delete=models.CASCADE, related_name="contact"
    )
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=60, blank=True)
    website = models.URLField(_("网站"), blank=True, help_text=_("以 https:// 或 http:// 开头。"))
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    entered_as = models.CharField(_("填写者"), max_length=20, choices=EnteredAs.choices)
    updated_at = models.DateTimeField(_("更新时间"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("更新人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("部门联系方式")
        verbose_name_plural = _("部门联系方式")

    def __str__(self):
        return str(self.department)

    @property
    def is_empty(self) -> bool:
        return not (self.address or self.phone or self.website or self.office_hours)


class CorrectionRequest(models.Model):
    """Record one reader's report of an error in a department's list (我要纠错) and the answer to it."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("已收到，待处理")
        ACCEPTED = "accepted", _("已采纳")
        DECLINED = "declined", _("未采纳")

    department = models.ForeignKey(
        "duties.Department", verbose_name=_("部门"), on_delete=models.CASCADE, related_name="correction_requests"
    )
    duty = models.ForeignKey(
        "duties.DutyItem",
        verbose_name=_("所指事项"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(
        _("哪里有误"),
        validators=[MaxLengthValidator(CORRECTION_TEXT_MAX)],
        help_text=_("请说明哪一项、哪里有误，以及正确的内容或依据（不超过 %(max)s 字）。")
        % {"max": CORRECTION_TEXT_MAX},
    )
    reporter_email = models.EmailField(
        _("电子邮箱（选填）"), blank=True, help_text=_("留下邮箱，处理结果会发给您；不公开，只有该部门和办公室可见。")
    )
    submit_token = models.CharField(max_length=64, unique=True, editable=False)
    access_key_hash = models.CharField(max_length=64, editable=False, db_index=True)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    response = models.TextField(_("答复"), blank=True, validators=[MaxLengthValidator(RESPONSE_TEXT_MAX)])
    received_at = models.DateTimeField(_("收到时间"))
    responded_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("纠错意见")
        verbose_name_plural = _("纠错意见")

    def __str__(self):
        return self.number

    @property
    def number(self) -> str:
        return f"JC{self.pk:08d}" if self.pk else ""

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.RECEIVED

    def get_workspace_url(self):
        return reverse("contact:correction_work", args=[self.pk])
