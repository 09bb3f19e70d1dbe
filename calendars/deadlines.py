"""Every deadline of every kind, as one list: what is due, by whom, on which day (Beijing time), where it stands,
and the rule and source provision it comes from.

Each kind's deadline is computed by the one definition next to its model (ReportingRule.annual_report_deadline
and list_publication_deadline, PlanRule.filing_deadline, DisclosureTimeLimit.deadline, a problem's TimeLimits
when it is received and accepted); this module only gathers them (calendars/sources.py) for a province (or one
department) and the calendar years asked, so that the page, the API, the iCalendar feed, the reminders and the
year at a glance list the same deadlines with the same statuses.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from reports.rules import ComplianceStatus


class DeadlineKind:
    ANNUAL_REPORT = "annual-report"
    LIST_PUBLICATION = "list-publication"
    PLAN_FILING = "plan-filing"
    QUARTERLY_DISCLOSURE = "quarterly-disclosure"
    PROBLEM_ACCEPTANCE = "problem-acceptance"
    PROBLEM_HANDLING = "problem-handling"
    LABELS = {
        ANNUAL_REPORT: _("年度专题报告"),
        LIST_PUBLICATION: _("清单公开"),
        PLAN_FILING: _("年度工作方案报送备案"),
        QUARTERLY_DISCLOSURE: _("季度信息公开"),
        PROBLEM_ACCEPTANCE: _("问题受理"),
        PROBLEM_HANDLING: _("问题办结"),
    }
    # A problem's steps are reminded per step to its department's handlers (problems/reminders.py).
    PROBLEM_STEPS = (PROBLEM_ACCEPTANCE, PROBLEM_HANDLING)
    ALL = tuple(LABELS)


STATUS_LABELS = {
    ComplianceStatus.ON_TIME: _("按时完成"),
    ComplianceStatus.LATE: _("逾期完成"),
    ComplianceStatus.MISSING: _("已逾期未完成"),
    ComplianceStatus.NOT_DUE: _("未到期"),
}
DEADLINE_STATUSES = tuple(STATUS_LABELS)
UID_DOMAIN = "duty-lists.portal"


@dataclass(frozen=True)
class Deadline:
    kind: str
    period: str  # what the obligation is about: a year ("2025"), a quarter ("2026-Q1") or a problem's number
    due: datetime.date
    body: object  # the Department (or county government) that must do it
    title: str
    status: str
    done_at: datetime.datetime | None
    rule_text: str  # the deadline in words: 每年 1 月 10 日前 / 每季度结束后 15 日内
    source_text: str  # the provision as written, or the setting's stated source
    source_url: str  # the provision in its document, one click away
    url: str = ""  # where what was done can be read, once it is public

    @property
    def kind_label(self) -> str:
        return str(DeadlineKind.LABELS[self.kind])

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def uid(self) -> str:
        """Stable across runs and feeds: the kind, the body and the period (the reminders key on it too)."""
        return f"{self.kind}-{self.body.pk}-{self.period}@{UID_DOMAIN}"

    @property
    def is_met(self) -> bool:
        return self.status in (ComplianceStatus.ON_TIME, ComplianceStatus.LATE)


def sort_key(deadline: Deadline):
    return (deadline.due, DeadlineKind.ALL.index(deadline.kind), deadline.body.jurisdiction_id, deadline.body.position)
