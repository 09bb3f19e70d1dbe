"""E-mail reminders of the calendar's deadlines, safe to run from cron as often as wanted.

- The department's editors and approvers hear of a deadline they have not met settings.DEADLINE_REMINDER_DAYS days
  before it (14, 3 and 1 by default). A run that finds several thresholds passed (cron was down) sends only the
  nearest and records the others as superseded.
- The province's supervisors hear once of each deadline passed without being met
  (settings.DEADLINE_OVERDUE_REMINDERS).
- Each deadline and threshold is sent once: the ReminderSent row is written in the same transaction as the mail
  is handed over, and a mail that fails is rolled back so that the next run tries again. A met deadline is never
  reminded. Every row says what was sent, when and to whom (the admin shows them); the command prints each.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from calendars import selectors
from calendars.deadlines import Deadline, DeadlineKind
from calendars.models import ReminderSent
from duties.models import Jurisdiction
from reports.models import Membership
from reports.rules import ComplianceStatus

logger = logging.getLogger(__name__)
# A problem's steps are reminded to its department's handlers by problems/reminders.py, step by step.
REMINDED_KINDS = [kind for kind in DeadlineKind.ALL if kind not in DeadlineKind.PROBLEM_STEPS]


@dataclass(frozen=True)
class Reminder:
    deadline: Deadline
    threshold: str  # "14", "3", "1" or "overdue"
    recipients: list[str]
    superseded: tuple[str, ...] = ()

    @property
    def subject(self) -> str:
        if self.threshold == ReminderSent.OVERDUE:
            return _("【逾期】%(title)s（截止 %(due)s）") % {"title": self.deadline.title, "due": self.deadline.due}
        return _("【提醒】%(days)s 天后截止：%(title)s") % {"days": self.threshold, "title": self.deadline.title}

    def body(self, base_url: str) -> str:
        deadline = self.deadline
        lines = [
            deadline.title,
            "",
            _("截止日期：%(due)s（北京时间当日 24 时前）") % {"due": deadline.due.isoformat()},
            _("当前状态：%(status)s") % {"status": deadline.status_label},
            _("规则：%(rule)s") % {"rule": deadline.rule_text},
            _("依据：%(source)s") % {"source": deadline.source_text},
        ]
        if deadline.source_url:
            lines.append(_("原文：%(url)s") % {"url": base_url + deadline.source_url})
        lines += ["", _("本邮件由生态环境保护具体事项清单公开平台自动发送；完成后不再提醒。")]
        return "\n".join(lines)


def _addresses(memberships) -> list[str]:
    return sorted({m.user.email for m in memberships if m.user.is_active and m.user.email})


def _thresholds(days_left: int, days) -> list[str]:
    """The thresholds a deadline `days_left` days away has passed, nearest first."""
    return [str(day) for day in sorted(days) if days_left <= day]


def due_reminders(today: datetime.date) -> list[Reminder]:
    """The reminders a run on `today` should send, before any is checked against what was sent."""
    days = list(settings.DEADLINE_REMINDER_DAYS)
    overdue_on = settings.DEADLINE_OVERDUE_REMINDERS
    horizon = today + datetime.timedelta(days=max(days, default=0))
    years = sorted({today.year - 1, today.year, horizon.year})
    reminders = []
    for province in Jurisdiction.objects.provinces().order_by("code"):
        statuses = [ComplianceStatus.NOT_DUE] + ([ComplianceStatus.MISSING] if overdue_on else [])
        found = selectors.deadlines_for(province, years, kinds=REMINDED_KINDS, statuses=statuses, today=today)
        deadlines = [deadline for deadline in found if deadline.due <= horizon]
        if not deadlines:
            continue
        memberships = list(
            Membership.objects.filter(department__in={d.body.pk for d in deadlines}).select_related("user")
        )
        supervisors = _addresses(
            Membership.objects.filter(role=Membership.Role.SUPERVISOR, province=province).select_related("user")
        )
        for deadline in deadlines:
            if deadline.status == ComplianceStatus.MISSING:
                reminders.append(Reminder(deadline, ReminderSent.OVERDUE, supervisors))
                continue
            passed = _thresholds((deadline.due - today).days, days)
            if passed:
                staff = _addresses(m for m in memberships if m.department_id == deadline.body.pk)
                reminders.append(Reminder(deadline, passed[0], staff, superseded=tuple(passed[1:])))
    return reminders


def _record(reminder: Reminder, threshold: str, outcome: str) -> bool:
    """Write the row of `threshold`; False when it was there already (sent by an earlier or concurrent run)."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                deadline_uid=reminder.deadline.uid,
                threshold=threshold,
                due=reminder.deadline.due,
                outcome=outcome,
                subject=reminder.subject[:300],
                recipients=reminder.recipients if outcome == ReminderSent.Outcome.SENT else [],
            )
    except IntegrityError:
        return False
    return True


def send(reminder: Reminder, *, base_url: str = "", dry_run: bool = False) -> str | None:
    """Send one reminder unless it was sent before; the outcome recorded, or None when there was nothing to do."""
    if ReminderSent.objects.filter(deadline_uid=reminder.deadline.uid, threshold=reminder.threshold).exists():
        return None
    if dry_run:
        return "dry-run"
    outcome = ReminderSent.Outcome.SENT if reminder.recipients else ReminderSent.Outcome.NO_RECIPIENTS
    try:
        with transaction.atomic():
            if not _record(reminder, reminder.threshold, outcome):
                return None
            if reminder.recipients:
                send_mail(reminder.subject, reminder.body(base_url), settings.DEFAULT_FROM_EMAIL, reminder.recipients)
    except Exception as error:  # a mail server down: nothing recorded, the next run tries again
        logger.error("reminder %s %s not sent (%s)", reminder.deadline.uid, reminder.threshold, type(error).__name__)
        return "failed"
    for threshold in reminder.superseded:
        _record(reminder, threshold, ReminderSent.Outcome.SUPERSEDED)
    logger.info(
        "reminder %s %s: %s to %s", reminder.deadline.uid, reminder.threshold, outcome, len(reminder.recipients)
    )
    return outcome
