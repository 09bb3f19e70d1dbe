"""Read queries for reports, shared by the workspace, the public pages, the feeds and the API.

Each fetches what its page shows in a fixed number of queries.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q
from django.http import Http404

from duties.models import Department, Jurisdiction
from reports import permissions, rules
from reports.models import Attachment, Membership, Report, ReportEntry, Revision
from reports.rules import ComplianceStatus


def report_detail():
    """Reports with everything their page shows: entries, sections, attachments and revisions."""
    return Report.objects.with_department().prefetch_related(
        Prefetch("entries", queryset=ReportEntry.objects.order_by("position")),
        "sections",
        Prefetch("attachments", queryset=Attachment.objects.order_by("uploaded_at", "id")),
        Prefetch("revisions", queryset=Revision.objects.select_related("created_by").order_by("number")),
    )


def report_for_reader(user, pk) -> Report:
    """The report `user` may read, or 404: another department's draft does not exist for them."""
    report = report_detail().filter(pk=pk).first()
    if report is None or not permissions.can_read(user, report):
        raise Http404
    return report


def reports_for_member(user):
    """The reports a signed-in account works on or oversees, newest year first."""
    membership = permissions.membership_of(user)
    queryset = Report.objects.with_department().order_by("-year", "department__position")
    if permissions.is_site_admin(user):
        return queryset
    if membership is None:
        return queryset.none()
    if membership.is_department_staff:
        return queryset.filter(department_id=membership.department_id)
    return queryset.filed().filter(department__jurisdiction_id=membership.province_id)


def with_countdowns(reports) -> list:
    """The reports, each with `countdown` to its deadline (rules.deadline_of), the rules read in one query."""
    reports = list(reports)
    rules_by_jurisdiction = rules.annual_rules_for({report.department.jurisdiction_id for report in reports})
    for report in reports:
        rule = rules_by_jurisdiction.get(report.department.jurisdiction_id)
        report.countdown = rules.countdown_to(rules.deadline_of(report, rule))
    return reports


def approvers_of(department):
    """The accounts that review and submit `department`'s reports, by name."""
    return (
        get_user_model()
        .objects.filter(is_active=True, membership__role=Membership.Role.APPROVER, membership__department=department)
        .order_by("username")
    )


def awaiting_review(user):
    """The drafts an approver's department marked ready for review, oldest first."""
    membership = permissions.membership_of(user)
    if membership is None or membership.role != Membership.Role.APPROVER:
        return Report.objects.none()
    return (
        Report.objects.with_department()
        .filter(department_id=membership.department_id, state=Report.State.DRAFT, ready_for_review_at__isnull=False)
        .select_related("ready_for_review_by")
        .order_by("ready_for_review_at")
    )


def published_reports_for_department(department):
    """A department's published reports, newest year first, for its public page."""
    return Report.objects.published().filter(department=department).with_department().order_by("-year")


def latest_published_reports(limit: int = 10):
    """The most recently published reports across the portal."""
    return Report.objects.published().with_department().order_by("-published_at", "-pk")[:limit]


def published_reports_in(province=None, department=None):
    queryset = Report.objects.published().with_department().order_by("-published_at", "-pk")
    if province is not None:
        queryset = queryset.filter(department__jurisdiction=province)
    if department is not None:
        queryset = queryset.filter(department=department)
    return queryset


@dataclass(frozen=True)
class OnTimeRecord:
    filed: int
    on_time: int

    @property
    def late(self):
        return self.filed - self.on_time


def on_time_record(department) -> OnTimeRecord:
    """How many of the department's reports were filed, and how many of those on time."""
    counts = (
        Report.objects.filed()
        .filter(department=department)
        .aggregate(filed=Count("pk"), on_time=Count("pk", filter=Q(submitted_on_time=True)))
    )
    return OnTimeRecord(filed=counts["filed"], on_time=counts["on_time"])


def published_report(province_slug, department_slug, year) -> Report:
    report = (
        report_detail()
        .published()
        .filter(department__jurisdiction__slug=province_slug, department__slug=department_slug, year=year)
        .first()
    )
    if report is None:
        raise Http404
    return report


def provinces_with_annual_rule():
    return Jurisdiction.objects.filter(parent__isnull=True, reporting_rules__kind="annual-report").distinct()


def supervised_provinces(user):
    if permissions.is_site_admin(user):
        return provinces_with_annual_rule().order_by("code")
    membership = permissions.membership_of(user)
    if membership is None or membership.role != Membership.Role.SUPERVISOR:
        return Jurisdiction.objects.none()
    return Jurisdiction.objects.filter(pk=membership.province_id)


def key_duty_departments(province):
    """The departments the province's rule obliges to report: those bearing important duties."""
    return Department.objects.filter(jurisdiction=province, bears_key_duties=True).order_by("position")


@dataclass(frozen=True)
class ComplianceRow:
    department: Department
    deadline: datetime.date | None  # None where the rule does not apply to the year
    status: str
    submitted_at: datetime.datetime | None
    report: Report | None
    days_late: int = 0  # after the deadline when filed, or overdue so far (rules.days_late)


def compliance_status(deadline: datetime.date, report: Report | None, today: datetime.date) -> str:
    if report is not None and report.is_filed:
        return ComplianceStatus.ON_TIME if report.submitted_on_time else ComplianceStatus.LATE
    return ComplianceStatus.NOT_DUE if today <= deadline else ComplianceStatus.MISSING


def compliance_rows(province, year: int, *, rule=None, today: datetime.date | None = None) -> list[ComplianceRow]:
    """One row per department bearing important duties, filed or not, for the report on `year`."""
    rule = rule or rules.annual_rule_for(province)
    if rule is None:
        return []
    today = today or rules.today_in_china()
    departments = list(key_duty_departments(province))
    if not rule.applies_to_report_year(year):
        return [
            ComplianceRow(department, None, ComplianceStatus.NOT_APPLICABLE, None, None) for department in departments
        ]
    reports = {
        report.department_id: report
        for report in Report.objects.filed().filter(department__in=[d.pk for d in departments], year=year)
    }
    default_deadline = rule.annual_report_deadline(year)
    rows = []
    for department in departments:
        report = reports.get(department.pk)
        # A filed report keeps the deadline it was judged against.
        deadline = report.deadline if report is not None else default_deadline
        rows.append(
            ComplianceRow(
                department=department,
                deadline=deadline,
                status=compliance_status(deadline, report, today),
                submitted_at=report.submitted_at if report is not None else None,
                report=report,
                days_late=rules.days_late(deadline, report.submitted_at if report is not None else None, today),
            )
        )
    return rows


@dataclass(frozen=True)
class YearRate:
    year: int
    on_time: int
    total: int
    due: bool

    @property
    def percent(self):
        return round(100 * self.on_time / self.total) if self.total else 0


def on_time_rates(province, years, *, rule=None, today: datetime.date | None = None) -> list[YearRate]:
    """The share of the province's key departments that filed on time, for each of `years`."""
    rule = rule or rules.annual_rule_for(province)
    today = today or rules.today_in_china()
    total = key_duty_departments(province).count()
    years = [year for year in years if rule is not None and rule.applies_to_report_year(year)]
    counts = dict(
        Report.objects.filed()
        .filter(department__jurisdiction=province, department__bears_key_duties=True, year__in=list(years))
        .filter(submitted_on_time=True)
        .values("year")
        .annotate(on_time=Count("pk"))
        .values_list("year", "on_time")
        .order_by()
    )
    return [
        YearRate(
            year=year,
            on_time=counts.get(year, 0),
            total=total,
            due=rule is not None and today > rule.annual_report_deadline(year),
        )
        for year in years
    ]


def _presented(content: dict) -> dict:
    """A report's text in the shape its page shows, whether current or from a revision."""
    labels = dict(ReportEntry.Status.choices)
    return {
        "overall": content["overall"],
        "sections": content["sections"],
        "entries": [
            {
                "planned_goal": "",  # revisions from before the plans kept no plan
                "planned_tasks": "",
                **entry,
                "status_label": labels.get(entry["status"], entry["status"]),
                "links": [line.strip() for line in entry["evidence_links"].splitlines() if line.strip()],
            }
            for entry in content["entries"]
        ],
    }


def content_of(report) -> dict:
    """The report's current text, from its prefetched entries and sections."""
    return _presented(
        {
            "overall": report.overall,
            "sections": [{"title": section.title, "body": section.body} for section in report.sections.all()],
            "entries": [
                {
                    "duty_text": entry.duty_text,
                    "planned_goal": entry.planned_goal,
                    "planned_tasks": entry.planned_tasks,
                    "status": entry.status,
                    "progress": entry.progress,
                    "figures": entry.figures,
                    "evidence_links": entry.evidence_links,
                }
                for entry in report.entries.all()
            ],
        }
    )


def content_of_revision(revision) -> dict:
    return _presented(revision.content)
