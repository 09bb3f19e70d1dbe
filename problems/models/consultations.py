"""Consultation (会商) on a problem no list gives a lead: the departments' opinions and the approved decision."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Consultation(models.Model):
    """Settle who leads a matter with no clear lead: invited departments give opinions, the office decides.

    The decision, once approved, is public, assigns the problem to its lead and may publish a new edition of
    the duty list (`edition`) so that the next such problem routes by itself.
    """

    problem = models.ForeignKey(
        "problems.Problem", verbose_name=_("问题"), on_delete=models.CASCADE, related_name="consultations"
    )
    question = models.TextField(_("会商事项"))
    opened_at = models.DateTimeField(_("发起时间"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发起人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision = models.TextField(_("会商决定"), blank=True)
    lead = models.ForeignKey(
        "duties.Department",
        verbose_name=_("确定的牵头部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.CharField(_("审定机关"), max_length=200, blank=True, help_text=_("如：省生态环境保护委员会。"))
    approved_on = models.DateField(_("审定日期"), null=True, blank=True)
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duty_text = models.TextField(_("新增的具体事项"), blank=True, help_text=_("据此决定写入清单的事项。"))
    edition = models.ForeignKey(
        "duties.Edition",
        verbose_name=_("清单新版本"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["problem", "opened_at", "id"]
        verbose_name = _("会商")
        verbose_name_plural = _("会商")
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_at__isnull=True)
                | Q(lead__isnull=False, approved_on__isnull=False) & ~Q(decision="") & ~Q(approved_by=""),
                name="consultation_decision_is_complete",
                violation_error_message=_("会商决定须写明决定、牵头部门、审定机关和审定日期。"),
            )
        ]

    def __str__(self):
        return _("会商：%(problem)s") % {"problem": self.problem}

    @property
    def is_decided(self) -> bool:
        return self.decided_at is not None


class Opinion(models.Model):
    """Record one invited department's opinion in a consultation (empty until it answers)."""

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("会商"), on_delete=models.CASCADE, related_name="opinions"
    )
    department = models.ForeignKey("duties.Department", verbose_name=_("部门"), on_delete=models.PROTECT)
    text = models.TextField(_("意见"), blank=True)
    recorded_at = models.DateTimeField(_("提出时间"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("填写人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["consultation", "id"]
        verbose_name = _("会商意见")
        verbose_name_plural = _("会商意见")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "department"],
                name="opinion_one_per_department",
                violation_error_message=_("同一部门在一次会商中只提一份意见。"),
            )
        ]

    def __str__(self):
        return f"{self.department}：{self.text[:30]}"
