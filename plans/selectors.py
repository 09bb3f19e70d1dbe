"""Read queries for annual plans, shared by the workspace, the public pages, the reports that follow them and the
year at a glance. Each fetches what its page shows in a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.http import Http404

from duties.models import Department, office_codes
from plans import permissions
from plans.models import AnnualPlan, PlanEntry, PlanRevision, PlanRule
from reports.models import Membership, Report, ReportEntry
from reports.planning import PlannedWork


def plan_detail():
    """Plans with everything their workspace page shows: entries (with their duty) and revisions."""
    return AnnualPlan.objects.with_department().prefetch_related(
        Prefetch("entries", queryset=PlanEntry.objects.select_related("duty").order_by("position")),
        Prefetch("revisions", queryset=PlanRevision.objects.select_related("submitted_by", "decided_by")),
    )


def plan_for_reader(user, pk) -> AnnualPlan:
    """The plan `user` may read in the workspace, or 404."""
    plan = plan_detail().filter(pk=pk).first()
    if plan is None or not permissions.can_read(user, plan):
        raise Http404
    return plan


def plans_for_member(user):
    """The plans a signed-in account writes, decides on or oversees, newest year first."""
    queryset = AnnualPlan.objects.with_department().order_by(
        "-year", "department__jurisdiction_id", "department__position"
    )
    if permissions.is_site_admin(user):
        return queryset
    membership = permissions.membership_of(user)
    scope = Q(pk__in=[])
    if membership is not None and membership.is_department_staff:
        scope |= Q(department_id=membership.department_id)
    elif membership is not None and membership.role == Membership.Role.SUPERVISOR:
        in_province = Q(department__jurisdiction__code__startswith=membership.province_id[:2])
        scope |= in_province & Q(first_submitted_at__isnull=False)
    scope |= Q(department__jurisdiction_id__in=office_codes(user), first_submitted_at__isnull=False)
    return queryset.filter(scope)


def latest_revision(plan) -> PlanRevision | None:
    """The last revision submitted (from the prefetched revisions)."""
    revisions = list(plan.revisions.all())
    return max(revisions, key=lambda revision: revision.number) if revisions else None


def published_plan(province_slug, department_slug, year) -> AnnualPlan:
    plan = (
        AnnualPlan.objects.published()
        .with_department()
        .select_related("published_revision")
        .prefetch_related(Prefetch("revisions", queryset=PlanRevision.objects.order_by("number")))
        .filter(department__jurisdiction__slug=province_slug, department__slug=department_slug, year=year)
        .first()
    )
    if plan is None:
        raise Http404
    return plan


def published_plans_for_department(department):
    return AnnualPlan.objects.published().filter(department=department).with_department().order_by("-year")


def public_content(revision: PlanRevision, rule: PlanRule) -> dict:
    """A revision's text as the public reads it: the responsible person's name only where the province says so."""
    content = revision.content
    entries = []
    for entry in content["entries"]:
        shown = dict(entry)
        if not rule.publish_responsible_person:
            shown.pop("responsible_person", None)
        if shown.get("planned_completion"):
            shown["planned_completion"] = datetime.date.fromisoformat(shown["planned_completion"])
        entries.append(shown)
    return {"overall_goal": content["overall_goal"], "entries": entries}


def acknowledged_revision(department, year) -> PlanRevision | None:
    """The plan on `year` as last filed for record (acknowledged by the office), whatever is happening to it since."""
    return (
        PlanRevision.objects.filter(
            plan__department=department, plan__year=year, decision=PlanRevision.Decision.ACKNOWLEDGED
        )
        .order_by("-number")
        .first()
    )


def planned_work(department, year) -> dict[int, PlannedWork]:
    """What `department` planned for each duty in `year` (its plan as filed for record), by the duty's lineage.

    The reports' pre-fill reads this (settings.REPORT_PLANNED_WORK): a report on a year opens with each duty's
    planned goal and key tasks beside it."""
    revision = acknowledged_revision(department, year)
    if revision is None:
        return {}
    return {
        subject_of(entry): PlannedWork(goal=entry["goal"], tasks=entry["key_tasks"])
        for entry in revision.content["entries"]
    }


def subject_of(kept_entry: dict) -> str:
    """The subject_key of an entry as a revision keeps it (revisions kept before requirements were planned
    name only the duty's lineage)."""
    return kept_entry.get("subject") or f"duty:{kept_entry['lineage']}"


@dataclass(frozen=True)
class PlanReportDifference:
    """Duties planned but not reported on, and duties reported on but never planned (both by duty text)."""

    planned_not_reported: list[str]
    reported_not_planned: list[str]

    @property
    def any(self) -> bool:
        return bool(self.planned_not_reported or self.reported_not_planned)


def plan_report_difference(department: Department, year: int) -> PlanReportDifference | None:
    """Compare the plan on `year` as filed for record with the report on `year`; None until both exist.

    A planned duty is "not reported on" when the report has no entry for it, or (once filed) an entry with
    nothing written; the report's entries that the plan did not list were "never planned"."""
    revision = acknowledged_revision(department, year)
    report = Report.objects.filter(department=department, year=year).first()
    if revision is None or report is None:
        return None
    planned = {subject_of(entry): entry["duty_text"] for entry in revision.content["entries"]}
    reported = {}
    entries = ReportEntry.objects.filter(report=report).select_related("duty", "requirement").order_by("position")
    for entry in entries:
        written = bool(entry.progress.strip()) or entry.status != ReportEntry.Status.NOT_STARTED
        reported[entry.subject.subject_key] = (entry.duty_text, written or not report.is_filed)
    return PlanReportDifference(
        planned_not_reported=[text for key, text in planned.items() if key not in reported or not reported[key][1]],
        reported_not_planned=[text for key, (text, _written) in reported.items() if key not in planned],
    )
