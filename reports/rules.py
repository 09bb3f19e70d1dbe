"""What a province's annual-report rule asks for, read from the rule's own provision text.

Each rule's provision lists what the report covers after "报告上年度", e.g. Jiangxi's
"生态环境保护职责履行情况、污染防治攻坚战及牵头负责的生态环境保护具体事项落实情况". Two
parts are common to every province and have their own place in the form: the overall
performance of duties (the part naming "职责履行") and one entry per duty led (the part
naming "牵头负责"). Every other listed part becomes an extra section of the report; none
is hard-coded per province.
"""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone

from duties.models import Provision, ReportingRule

# The rules are Chinese rules: a deadline day ends at midnight in Beijing time, whatever
# the server's time zone.
DEADLINE_TIMEZONE = ZoneInfo("Asia/Shanghai")

_SCOPE = re.compile(r"报告上年度([^,，。;；]+)")
_PARTS = re.compile(r"、|以及|及")
_OVERALL_MARK = "职责履行"
_LED_DUTIES_MARK = "牵头负责"
_SHARED_SUFFIX = "落实情况"


class ComplianceStatus:
    """Where an obligation with a deadline stands (a report, a plan, a disclosure): the one vocabulary of the
    boards, the calendar and the API."""

    NOT_DUE = "not_due"
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"  # overdue: the deadline has passed and it is not done
    NOT_APPLICABLE = "not_applicable"  # a year before the province's rule asked for it
    ALL = (NOT_DUE, ON_TIME, LATE, MISSING, NOT_APPLICABLE)


@dataclass(frozen=True)
class ExtraSection:
    title: str
    provision: Provision


def annual_rule_for(jurisdiction) -> ReportingRule | None:
    """The annual-report rule a province's documents set, or None when they set none (Jilin)."""
    return annual_rules_for([jurisdiction.pk]).get(jurisdiction.pk)


def annual_rules_for(jurisdiction_ids) -> dict:
    """annual_rule_for of several jurisdictions in one query: {jurisdiction id: its rule}, those with none left out."""
    found = {}
    queryset = (
        ReportingRule.objects.filter(jurisdiction_id__in=list(jurisdiction_ids), kind=ReportingRule.Kind.ANNUAL_REPORT)
        .select_related("provision", "document")
        .order_by("-position")
    )
    for rule in queryset:
        found[rule.jurisdiction_id] = rule  # the lowest position, read last, wins
    return found


def report_scope(rule: ReportingRule) -> list[str]:
    """The parts the report must cover, as the provision lists them."""
    match = _SCOPE.search(rule.provision.text)
    if not match:
        return []
    return [part.strip() for part in _PARTS.split(match.group(1)) if part.strip()]


def extra_sections(rule: ReportingRule | None) -> list[ExtraSection]:
    """The sections beyond the overall part and the led duties, each titled as the rule words it."""
    if rule is None:
        return []
    sections = []
    for part in report_scope(rule):
        if _OVERALL_MARK in part or _LED_DUTIES_MARK in part:
            continue
        # "污染防治攻坚战及……落实情况": the closing "落实情况" belongs to every listed part.
        title = part if part.endswith("情况") else part + _SHARED_SUFFIX
        sections.append(ExtraSection(title=title, provision=rule.provision))
    return sections


def deadline_of(report, rule: ReportingRule | None) -> datetime.date | None:
    """A report's deadline: the one it was judged against once filed, else its province's rule's for its year."""
    if report is not None and report.deadline is not None:
        return report.deadline
    return rule.annual_report_deadline(report.year) if rule is not None else None


def submitted_on_time(submitted_at: datetime.datetime, deadline: datetime.date) -> bool:
    """Whether a submission at `submitted_at` falls on or before the deadline day, in Beijing time."""
    return submitted_at.astimezone(DEADLINE_TIMEZONE).date() <= deadline


def days_late(deadline: datetime.date, done_at: datetime.datetime | None, today: datetime.date) -> int:
    """How many days after `deadline` the obligation was done (Beijing time), or, not done, how many days it has
    been overdue on `today`; 0 when it was or still can be done in time."""
    day = done_at.astimezone(DEADLINE_TIMEZONE).date() if done_at is not None else today
    return max(0, (day - deadline).days)


def deadline_status(deadline: datetime.date, done_at: datetime.datetime | None, today: datetime.date) -> str:
    """Where an obligation due on `deadline` stands on `today`: done on time or late (judged in Beijing time),
    or not done, either not yet due or overdue."""
    if done_at is not None:
        return ComplianceStatus.ON_TIME if submitted_on_time(done_at, deadline) else ComplianceStatus.LATE
    return ComplianceStatus.NOT_DUE if today <= deadline else ComplianceStatus.MISSING


@dataclass(frozen=True)
class Countdown:
    """How far a deadline is from today: days left (0 on the day itself), or days late."""

    deadline: datetime.date
    days_left: int

    @property
    def is_late(self) -> bool:
        return self.days_left < 0

    @property
    def days_late(self) -> int:
        return max(0, -self.days_left)


def countdown_to(deadline: datetime.date | None, today: datetime.date | None = None) -> Countdown | None:
    """The days between today (in Beijing) and a deadline given by deadline_of; None without a deadline."""
    if deadline is None:
        return None
    return Countdown(deadline=deadline, days_left=(deadline - (today or today_in_china())).days)


def today_in_china() -> datetime.date:
    return timezone.now().astimezone(DEADLINE_TIMEZONE).date()
