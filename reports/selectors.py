"""Read queries for reports, shared by the staff pages and the public pages."""

from django.db.models import Q
from django.urls import reverse

from reports.models import AnnualReport, Membership


def memberships_of(user):
    return Membership.objects.filter(user=user).select_related("department__jurisdiction", "jurisdiction")


def reports_visible_to(user):
    """Drafts and reports of the user's departments, and every report of the provinces they supervise."""
    memberships = list(memberships_of(user))
    departments = [m.department_id for m in memberships if m.department_id]
    prefixes = [m.jurisdiction_id[:2] for m in memberships if m.jurisdiction_id]
    condition = Q(department_id__in=departments)
    for prefix in prefixes:
        condition |= Q(department__jurisdiction__code__startswith=prefix)
    if user.is_superuser:
        condition = Q()
    elif not departments and not prefixes:
        return AnnualReport.objects.none()
    return (
        AnnualReport.objects.filter(condition)
        .select_related("department__jurisdiction")
        .order_by("-year", "department")
    )


def published_reports_for_department(department):
    return AnnualReport.objects.filter(department=department, status=AnnualReport.Status.PUBLISHED).order_by("-year")


def public_url(report):
    department = report.department
    return reverse("report_public", args=[department.jurisdiction.slug, department.slug, report.year])


def published_reports():
    return AnnualReport.objects.filter(status=AnnualReport.Status.PUBLISHED).select_related("department__jurisdiction")


def latest_published_reports(limit=5):
    return published_reports().order_by("-published_at")[:limit]


def on_time_record(reports):
    """How many of these submitted reports were on time, out of how many."""
    judged = [report.on_time for report in reports if report.on_time is not None]
    return {"on_time": sum(judged), "total": len(judged)}
