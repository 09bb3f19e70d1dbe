"""What the deadline reminders have sent: one row per deadline and threshold, so that a run from cron sends each
reminder once however often it runs, and anyone can read what was sent, when and to whom."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderSent(models.Model):
    """Record one reminder of one deadline at one threshold (days before it, or overdue): sent, or why not."""

    class Outcome(models.TextChoices):
        SENT = "sent", _("已发送")
        NO_RECIPIENTS = "no-recipients", _("无收件人（未设邮箱）")
        SUPERSEDED = "superseded", _("已被更近的提醒取代")

    OVERDUE = "overdue"

    deadline_uid = models.CharField(_("截止事项"), max_length=200)
    threshold = models.CharField(
        _("提醒"), max_length=20, help_text=_("截止前天数，或 overdue（逾期，通知督查人员）。")
    )
    due = models.DateField(_("截止日期"))
    outcome = models.CharField(_("结果"), max_length=20, choices=Outcome.choices)
    subject = models.CharField(_("主题"), max_length=300)
    recipients = models.JSONField(_("收件人"), default=list)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("截止提醒记录")
        verbose_name_plural = _("截止提醒记录")
        constraints = [
            models.UniqueConstraint(
                fields=["deadline_uid", "threshold"],
                name="reminder_once_per_deadline_and_threshold",
                violation_error_message=_("这一截止事项的这次提醒已经发送过。"),
            ),
        ]

    def __str__(self):
        return f"{self.deadline_uid} {self.threshold}：{self.get_outcome_display()}"
