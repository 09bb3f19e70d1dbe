"""The supervisors' year at a glance: for one province and year, every department bearing important duties (and,
where the quarterly rule applies, every county government): its list, its plan filed for record, its report, its
quarterly disclosures, the problems it closed on time. Sortable, filterable, exportable (CSV, XLSX), with a small
server-drawn chart per measure.

Every measure reads the one definition its app gives (the report's compliance status, the plan's acknowledgement,
the disclosures' deadlines, the problems counted for a year) in a fixed number of queries whatever the number of
departments.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from calendars.charts import bar_chart
from disclosures import selectors as disclosure_selectors
from disclosures.models import Disclosure, DisclosureTimeLimit
from duties.models import Department
from plans.models import AnnualPlan
from problems.selectors import Figures, department_figures
from reports import rules
from reports.rules import ComplianceStatus, deadline_status
from reports.selectors import compliance_rows


class PlanStatus:
    FILED = "filed"  # acknowledged by the committee office (备案)
    PENDING = "pending"  # submitted, waiting for the office
    RETURNED = "returned"
    DRAFT = "draft"
    NONE = "none"
    LABELS = {
        FILED: _("已备案"),
        PENDING: _("待备案"),
        RETURNED: _("已退回"),
        DRAFT: _("草稿"),
        NONE: _("未建立"),
    }


REPORT_LABELS = {
    ComplianceStatus.ON_TIME: _("按时报送"),
    ComplianceStatus.LATE: _("逾期报送"),
    ComplianceStatus.MISSING: _("未报送"),
    ComplianceStatus.NOT_DUE: _("未到期"),
    ComplianceStatus.NOT_APPLICABLE: _("不适用"),
}
DISCLOSURE_LABELS = {
    ComplianceStatus.ON_TIME: _("按时公开"),
    ComplianceStatus.LATE: _("逾期公开"),
    ComplianceStatus.MISSING: _("未公开"),
    ComplianceStatus.NOT_DUE: _("未到期"),
}
ORDERINGS = ("department", "list", "plan", "report", "disclosures", "problems")


@dataclass
class GlanceRow:
    body: Department
    duties_led: int | None  # None: the body keeps no list (a county government)
    plan: str  # PlanStatus
    plan_filed_at: datetime.datetime | None
    report: str  # ComplianceStatus, or "" where the body files no report
    report_submitted_at: datetime.datetime | None
    disclosures: dict = field(default_factory=dict)  # quarter -> ComplianceStatus, where the rule applies
    problems: Figures | None = None  # the problems counted for the year (problems.selectors.counted_for_year)

    @property
    def list_published(self) -> bool | None:
        return None if self.duties_led is None else self.duties_led > 0

    @property
    def disclosures_on_time(self) -> int:
        return sum(1 for status in self.disclosures.values() if status == ComplianceStatus.ON_TIME)

    @property
    def plan_label(self):
        return PlanStatus.LABELS[self.plan]

    @property
    def report_label(self):
        return REPORT_LABELS.get(self.report, "—")


def _plan_status(plan) -> str:
    if plan is None:
        return PlanStatus.NONE
    if plan.first_acknowledged_at is not None:
        return PlanStatus.FILED
    return {
        AnnualPlan.State.SUBMITTED: PlanStatus.PENDING,
        AnnualPlan.State.RETURNED: PlanStatus.RETURNED,
    }.get(plan.state, PlanStatus.DRAFT)


def _disclosure_statuses(province, year, bodies, today) -> dict:
    """Each disclosing body's status for each quarter of `year` its province's rule asks for."""
    quarters = disclosure_selectors.quarters_asked(province, year)
    if not quarters or not bodies:
        return {}
    time_limit = DisclosureTimeLimit.objects.for_province(province)
    published = {
        (item.body_id, item.quarter): item
        for item in Disclosure.objects.published().filter(body__in=[b.pk for b in bodies], year=year)
    }
    statuses = {}
    for body in bodies:
        statuses[body.pk] = {}
        for quarter in quarters:
            item = published.get((body.pk, quarter))
            if item is not None:
                status = ComplianceStatus.ON_TIME if item.published_on_time else ComplianceStatus.LATE
            else:
                status = deadline_status(time_limit.deadline(year, quarter), None, today)
            statuses[body.pk][quarter] = status
    return statuses


def glance_rows(province, year: int, *, today: datetime.date | None = None) -> list[GlanceRow]:
    today = today or rules.today_in_china()
    day = min(datetime.date(year, 12, 31), today)
    departments = list(
        Department.objects.filter(jurisdiction=province, bears_key_duties=True)
        .with_duty_counts(day=day)
        .select_related("jurisdiction")
        .order_by("position")
    )
    reports = {row.department.pk: row for row in compliance_rows(province, year, today=today)}
    governments = list(disclosure_selectors.disclosing_bodies(province))
    disclosures = _disclosure_statuses(province, year, governments, today)
    bodies = departments + [body for body in governments if body.pk in disclosures]
    plans = AnnualPlan.objects.filter(department__in=[body.pk for body in bodies], year=year)
    plans = {plan.department_id: plan for plan in plans}
    problems = department_figures(bodies, today, year=year)
    rows = []
    for body in bodies:
        plan, report = plans.get(body.pk), reports.get(body.pk)
        rows.append(
            GlanceRow(
                body=body,
                duties_led=body.leading_duty_count if body.bears_key_duties else None,
                plan=_plan_status(plan),
                plan_filed_at=plan.first_acknowledged_at if plan is not None else None,
                report=report.status if report is not None else "",
                report_submitted_at=report.submitted_at if report is not None else None,
                disclosures=disclosures.get(body.pk, {}),
                problems=problems[body.pk],
            )
        )
    return rows


PLAN_ORDER = list(PlanStatus.LABELS)
REPORT_ORDER = list(REPORT_LABELS) + [""]


def _share(percent):
    return -1 if percent is None else percent


def sort_rows(rows, ordering: str):
    """Order by one measure (`-` for the reverse), then by the department's place in the list."""
    name = ordering.lstrip("-")
    keys = {
        "department": lambda row: (row.body.jurisdiction_id, row.body.position),
        "list": lambda row: -1 if row.duties_led is None else row.duties_led,
        "plan": lambda row: PLAN_ORDER.index(row.plan),
        "report": lambda row: REPORT_ORDER.index(row.report),
        "disclosures": lambda row: row.disclosures_on_time,
        # The share closed on time, then how many: none due sorts below none on time.
        "problems": lambda row: (_share(row.problems.closed_on_time_percent), row.problems.closed_on_time),
    }
    if name not in keys:
        return rows
    return sorted(rows, key=keys[name], reverse=ordering.startswith("-"))


def filter_rows(rows, *, plan: str = "", report: str = ""):
    return [row for row in rows if (not plan or row.plan == plan) and (not report or row.report == report)]


def charts(rows, quarters_count: int):
    """One bar per measure, split into its categories."""
    listed = [row for row in rows if row.duties_led is not None]
    reporting = [row for row in rows if row.report]
    disclosures = [status for row in rows for status in row.disclosures.values()]

    def count(items, value):
        return sum(1 for item in items if item == value)

    result = [
        bar_chart(
            str(_("清单公开")),
            [
                (str(_("已公开")), sum(1 for r in listed if r.duties_led), "good"),
                (str(_("未公开")), sum(1 for r in listed if not r.duties_led), "bad"),
            ],
        ),
        bar_chart(
            str(_("年度工作方案")),
            [
                (str(PlanStatus.LABELS[s]), count([r.plan for r in rows], s), tone)
                for s, tone in (
                    (PlanStatus.FILED, "good"),
                    (PlanStatus.PENDING, "pending"),
                    (PlanStatus.RETURNED, "late"),
                    (PlanStatus.DRAFT, "none"),
                    (PlanStatus.NONE, "bad"),
                )
            ],
        ),
        bar_chart(
            str(_("年度专题报告")),
            [
                (str(REPORT_LABELS[s]), count([r.report for r in reporting], s), tone)
                for s, tone in (
                    (ComplianceStatus.ON_TIME, "good"),
                    (ComplianceStatus.LATE, "late"),
                    (ComplianceStatus.MISSING, "bad"),
                    (ComplianceStatus.NOT_DUE, "pending"),
                    (ComplianceStatus.NOT_APPLICABLE, "none"),
                )
            ],
        ),
    ]
    result.append(problems_chart([row.problems for row in rows]))
    if quarters_count:
        result.append(disclosures_chart(disclosures))
    return result


def disclosures_chart(statuses):
    """Every quarter's disclosure of every county government the rule asks, by its status."""
    parts = (
        (ComplianceStatus.ON_TIME, "good"),
        (ComplianceStatus.LATE, "late"),
        (ComplianceStatus.MISSING, "bad"),
        (ComplianceStatus.NOT_DUE, "pending"),
    )
    return bar_chart(
        str(_("季度信息公开")),
        [(str(DISCLOSURE_LABELS[s]), sum(1 for item in statuses if item == s), tone) for s, tone in parts],
    )


def problems_chart(figures):
    """The problems counted for the year: closed on time, closed late, overdue now, the rest still in time."""
    overdue = sum(f.overdue_now for f in figures)
    return bar_chart(
        str(_("问题按时办结")),
        [
            (str(_("按时办结销号")), sum(f.closed_on_time for f in figures), "good"),
            (str(_("逾期办结销号")), sum(f.closed_late for f in figures), "late"),
            (str(_("逾期未办结")), overdue, "bad"),
            (str(_("办理中（未逾期）")), sum(f.not_closed for f in figures) - overdue, "pending"),
        ],
    )
