"""Where each kind of deadline comes from: one function per kind, each reading in a fixed number of queries the
bodies it binds and what they have done, for a province (or one department) and some calendar years.

A deadline belongs to the calendar year it falls in: the report on 2025 (due 10 January 2026 in Jiangxi) is in
2026's calendar, as is the fourth-quarter disclosure of 2025 (due 15 January 2026).
"""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from calendars.deadlines import Deadline, DeadlineKind
from disclosures import selectors as disclosure_selectors
from disclosures.models import Disclosure, DisclosureTimeLimit
from duties.models import Department, ReportingRule
from plans.models import AnnualPlan, PlanRule
from problems.models import Problem, TimeLimits
from reports import rules
from reports.models import Report
from reports.rules import ComplianceStatus, deadline_status
from reports.selectors import compliance_status, key_duty_departments


def provision_url(province, rule: ReportingRule) -> str:
    return reverse("duties:document", args=[province.slug, rule.document_id]) + f"#{rule.provision.anchor}"


def _key_bodies(province, department):
    if department is not None:
        return [department] if department.bears_key_duties and department.jurisdiction_id == province.pk else []
    return list(key_duty_departments(province).select_related("jurisdiction"))


def annual_reports(province, years, *, department=None, today):
    """The report on year Y, due in Y + 1 by the province's rule, for every department bearing important duties."""
    rule = rules.annual_rule_for(province)
    report_years = [year - 1 for year in years if rule is not None and rule.applies_to_report_year(year - 1)]
    bodies = _key_bodies(province, department) if report_years else []
    if not bodies:
        return []
    filed = {
        (report.department_id, report.year): report
        for report in Report.objects.filed()
        .select_related("department__jurisdiction")
        .filter(department__in=[body.pk for body in bodies], year__in=report_years)
    }
    found = []
    for year in report_years:
        for body in bodies:
            report = filed.get((body.pk, year))
            due = rules.deadline_of(report, rule) if report is not None else rule.annual_report_deadline(year)
            found.append(
                Deadline(
                    kind=DeadlineKind.ANNUAL_REPORT,
                    period=str(year),
                    due=due,
                    body=body,
                    title=_("%(body)s报送 %(year)s 年度生态环境保护专题报告") % {"body": body.name, "year": year},
                    status=compliance_status(due, report, today),
                    done_at=report.submitted_at if report is not None else None,
                    rule_text=rule.deadline_display,
                    source_text=rule.text_as_written,
                    source_url=provision_url(province, rule),
                    url=report.get_absolute_url() if report is not None and report.is_published else "",
                )
            )
    return found


def list_publications(province, years, *, department=None, today):
    """Publishing the lists within the time the document gives (Chongqing: two months after it was issued).

    The portal knows what it publishes, not what a department put on its own website: the deadline is met
    when the department's list is on the portal by then (a list in the document is published with it)."""
    found = []
    rules_here = ReportingRule.objects.filter(jurisdiction=province, kind=ReportingRule.Kind.LIST_PUBLICATION)
    for rule in rules_here.select_related("document", "provision"):
        due = rule.list_publication_deadline()
        bodies = _key_bodies(province, department) if due is not None and due.year in years else []
        if not bodies:
            continue
        issued = datetime.datetime.combine(rule.document.issued_on, datetime.time(12), tzinfo=rules.DEADLINE_TIMEZONE)
        counted = Department.objects.filter(pk__in=[body.pk for body in bodies]).with_duty_counts(day=due)
        leading = {body.pk: body.leading_duty_count for body in counted}
        for body in bodies:
            done_at = issued if leading.get(body.pk) else None
            found.append(
                Deadline(
                    kind=DeadlineKind.LIST_PUBLICATION,
                    period=str(rule.document.issued_year),
                    due=due,
                    body=body,
                    title=_("%(body)s公开生态环境保护具体事项清单") % {"body": body.name},
                    status=deadline_status(due, done_at, today),
                    done_at=done_at,
                    rule_text=_("文件印发后 %(months)s 个月内") % {"months": rule.months_after_issue},
                    source_text=rule.text_as_written,
                    source_url=provision_url(province, rule),
                    url=body.get_absolute_url() if done_at else "",
                )
            )
    return found


def plan_filings(province, years, *, department=None, today):
    """Submitting the year's work plan for record, where the province has set a day for it (PlanRule)."""
    rule = PlanRule.objects.for_province(province)
    if rule.filing_deadline_month is None:
        return []
    bodies = _key_bodies(province, department)
    plans = {
        (plan.department_id, plan.year): plan
        for plan in AnnualPlan.objects.filter(department__in=[body.pk for body in bodies], year__in=years)
    }
    found = []
    for year in years:
        due = rule.filing_deadline(year)
        for body in bodies:
            plan = plans.get((body.pk, year))
            done_at = plan.first_submitted_at if plan is not None else None
            found.append(
                Deadline(
                    kind=DeadlineKind.PLAN_FILING,
                    period=str(year),
                    due=due,
                    body=body,
                    title=_("%(body)s报送 %(year)s 年度工作方案备案") % {"body": body.name, "year": year},
                    status=deadline_status(due, done_at, today),
                    done_at=done_at,
                    rule_text=rule.deadline_display,
                    source_text=rule.source,
                    source_url="",
                    url=plan.get_absolute_url() if plan is not None and plan.published_revision_id else "",
                )
            )
    return found


def _quarters_due_in(years, rules_by_quarter, time_limit):
    """(year, quarter) pairs whose disclosure deadline falls in one of `years`."""
    candidates = [(year, quarter) for year in range(min(years) - 1, max(years) + 1) for quarter in rules_by_quarter]
    return [
        (year, quarter)
        for year, quarter in candidates
        if time_limit.deadline(year, quarter).year in years
        and disclosure_selectors.applies(rules_by_quarter[quarter], year)
    ]


def quarterly_disclosures(province, years, *, department=None, today):
    """Each county government's disclosure of each quarter's topic (Jilin), due by the province's time limit."""
    rules_by_quarter = disclosure_selectors.quarter_rules(province)
    if not rules_by_quarter:
        return []
    time_limit = DisclosureTimeLimit.objects.for_province(province)
    quarters = _quarters_due_in(years, rules_by_quarter, time_limit)
    bodies = list(disclosure_selectors.disclosing_bodies(province))
    if department is not None:
        bodies = [body for body in bodies if body.pk == department.pk]
    if not quarters or not bodies:
        return []
    published = {
        (item.body_id, item.year, item.quarter): item
        for item in Disclosure.objects.published().filter(
            body__in=[body.pk for body in bodies], year__in={year for year, _quarter in quarters}
        )
    }
    found = []
    for year, quarter in quarters:
        rule = rules_by_quarter[quarter]
        for body in bodies:
            disclosure = published.get((body.pk, year, quarter))
            due = disclosure.deadline if disclosure is not None else time_limit.deadline(year, quarter)
            if disclosure is not None:
                status = ComplianceStatus.ON_TIME if disclosure.published_on_time else ComplianceStatus.LATE
            else:
                status = deadline_status(due, None, today)
            found.append(
                Deadline(
                    kind=DeadlineKind.QUARTERLY_DISCLOSURE,
                    period=f"{year}-Q{quarter}",
                    due=due,
                    body=body,
                    title=_("%(body)s公开 %(year)s 年第 %(quarter)s 季度%(topic)s情况")
                    % {"body": body.name, "year": year, "quarter": quarter, "topic": rule.topic},
                    status=status,
                    done_at=disclosure.published_at if disclosure is not None else None,
                    rule_text=f"{time_limit.deadline_display}（{time_limit.source}）",
                    source_text=rule.text_as_written,
                    source_url=provision_url(province, rule),
                    url=disclosure.get_absolute_url() if disclosure is not None else "",
                )
            )
    return found


def _problem_step(problem, kind, limits, today) -> Deadline:
    """Accepting (受理) or finishing (办结) one public problem, by the last day its time limits gave it."""
    body = problem.department
    if kind == DeadlineKind.PROBLEM_ACCEPTANCE:
        due, done_at, done_on_time = problem.acceptance_due, problem.accepted_at, problem.accepted_on_time
        title = _("%(body)s受理问题 %(number)s")
        rule_text = _("收到举报之日起 %(days)s 日内") % {"days": limits.acceptance_days}
        source = limits.acceptance_source
    else:
        due, done_at, done_on_time = problem.handling_due, problem.handled_at, problem.handled_on_time
        title = _("%(body)s办结问题 %(number)s")
        rule_text = _("受理之日起 %(days)s 日内") % {"days": limits.handling_days}
        if problem.extended_days:
            rule_text += _("，已延期 %(days)s 日") % {"days": problem.extended_days}
            source = f"{limits.handling_source}{limits.extension_source}"
        else:
            source = limits.handling_source
    if done_at is not None:
        status = ComplianceStatus.ON_TIME if done_on_time else ComplianceStatus.LATE
    else:
        status = deadline_status(due, None, today)
    return Deadline(
        kind=kind,
        period=problem.number,
        due=due,
        body=body,
        title=title % {"body": body.name, "number": problem.number},
        status=status,
        done_at=done_at,
        rule_text=rule_text,
        source_text=source,
        source_url="",
        url=problem.get_absolute_url(),
    )


def problem_steps(province, years, *, department=None, today):
    """Each public problem's acceptance and handling limits, for the department it is assigned to: one
    department's problems, or those of the province's own departments (a city's or county's problems are on
    their departments' calendars, which would otherwise bury the province's in thousands of lines)."""
    problems = Problem.objects.public().filter(department__isnull=False, assigned_at__isnull=False)
    if department is not None:
        problems = problems.filter(department=department)
    else:
        problems = problems.filter(department__jurisdiction=province)
    in_years = Q(acceptance_due__year__in=years) | Q(handling_due__year__in=years)
    problems = list(problems.filter(in_years).select_related("department", "jurisdiction__parent__parent"))
    limits = TimeLimits.for_jurisdictions({problem.jurisdiction for problem in problems})
    found = []
    for problem in problems:
        problem_limits = limits[problem.jurisdiction_id]
        waits_or_accepted = problem.accepted_at is not None or problem.status == Problem.Status.ASSIGNED
        if waits_or_accepted and problem.acceptance_due.year in years:
            found.append(_problem_step(problem, DeadlineKind.PROBLEM_ACCEPTANCE, problem_limits, today))
        if problem.handling_due is not None and problem.handling_due.year in years:
            found.append(_problem_step(problem, DeadlineKind.PROBLEM_HANDLING, problem_limits, today))
    return found


SOURCES = [annual_reports, list_publications, plan_filings, quarterly_disclosures, problem_steps]
