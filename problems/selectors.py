"""Read queries for problems, shared by the public pages, the feeds, the API, Open311 and the workspace.

Each fetches what its page shows in a fixed number of queries; none of the public ones reads the reporter's
contact (`PUBLIC_FIELDS` is what they load).
"""

import datetime
import statistics
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from problems import permissions
from problems.filtersets import ProblemFilterSet
from problems.models import Consultation, Event, Opinion, Photo, Problem
from problems.models.limits import local_day, today_in_china
from problems.models.problems import FINISHED_STATUSES

# What a public page, feed, export or API answer may read of a problem: never the contact, the place or the
# reporter's own words.
PUBLIC_FIELDS = [
    "id",
    "number",
    "source",
    "jurisdiction",
    "category",
    "public_text",
    "status",
    "department",
    "received_at",
    "published_at",
    "acceptance_due",
    "assigned_at",
    "accepted_at",
    "accepted_on_time",
    "handling_due",
    "extended_days",
    "handled_at",
    "handled_on_time",
    "closed_at",
    "inspection",
    "search_title",
    "search_text",
]


def public_events():
    return Event.objects.filter(is_public=True).select_related("department").order_by("at", "id")


def public_problems():
    """Published problems, newest first, with their place and department, without any private column."""
    return (
        Problem.objects.public()
        .with_places()
        .only(
            *PUBLIC_FIELDS,
            "jurisdiction__name",
            "jurisdiction__code",
            "jurisdiction__slug",
            "jurisdiction__parent",
            "jurisdiction__parent__name",
            "jurisdiction__parent__code",
            "jurisdiction__parent__slug",
            "jurisdiction__parent__parent",
            "jurisdiction__parent__parent__name",
            "jurisdiction__parent__parent__code",
            "jurisdiction__parent__parent__slug",
            "department__name",
            "department__short_name",
            "department__slug",
            "department__jurisdiction",
        )
        .order_by("-received_at", "-id")
    )


def filtered_public_problems(params, department=None):
    """The FilterSet of the public lists (the page, its Atom feed, its CSV file) over the published problems,
    or over those of `department`: all three read the same parameters the same way. Unbound without parameters."""
    queryset = public_problems()
    if department is not None:
        queryset = queryset.filter(department=department)
    return ProblemFilterSet(params or None, queryset)


def public_problem(number: str) -> Problem:
    """A published problem with its public steps, evidence photos and decided consultations, or 404."""
    problem = (
        public_problems()
        .prefetch_related(
            Prefetch("events", queryset=public_events()),
            Prefetch("photos", queryset=Photo.objects.filter(is_public=True)),
            Prefetch(
                "consultations",
                queryset=Consultation.objects.filter(decided_at__isnull=False).select_related("lead", "edition"),
            ),
        )
        .filter(number=number)
        .first()
    )
    if problem is None:
        raise Http404
    return problem


def problem_for_work(user, number: str) -> Problem:
    """The problem with everything its internal page shows, for someone who may work on it; else 404."""
    problem = (
        Problem.objects.with_places()
        .prefetch_related(
            Prefetch("events", queryset=Event.objects.select_related("department", "actor").order_by("at", "id")),
            "photos",
            Prefetch(
                "consultations",
                queryset=Consultation.objects.select_related("lead", "edition").prefetch_related(
                    Prefetch("opinions", queryset=Opinion.objects.select_related("department", "recorded_by"))
                ),
            ),
        )
        .filter(number=number)
        .first()
    )
    if problem is None or not permissions.can_work_on(user, problem):
        raise Http404
    return problem


def problem_by_key(access_key: str) -> Problem:
    """The problem a private link opens, with every public step and the reporter's own additions; else 404."""
    from problems.services.reporting import digest

    if not access_key or len(access_key) > 64:
        raise Http404
    visible = Q(is_public=True) | Q(kind__in=[Event.Kind.INFORMATION, Event.Kind.WITHDRAWN])
    problem = (
        Problem.objects.with_places()
        .prefetch_related(
            Prefetch("events", queryset=Event.objects.filter(visible).select_related("department").order_by("at", "id"))
        )
        .filter(access_key_hash=digest(access_key))
        .first()
    )
    if problem is None:
        raise Http404
    return problem


def work_queue(user):
    """The problems an account works on: its offices' jurisdictions, its departments, its province; open first."""
    queryset = Problem.objects.with_places().order_by("acceptance_due", "received_at")
    if permissions.is_site_admin(user):
        return queryset
    scope = Q(pk__in=[])
    for code in permissions.office_jurisdictions(user):
        scope |= Q(jurisdiction_id=code) | Q(jurisdiction__parent_id=code) | Q(jurisdiction__parent__parent_id=code)
    departments = permissions.handled_departments(user)
    if departments:
        scope |= Q(department_id__in=departments)
        scope |= Q(consultations__decided_at__isnull=True, consultations__opinions__department_id__in=departments)
    province = permissions.supervised_province(user)
    if province:
        scope |= Q(jurisdiction__code__startswith=province[:2])
    return queryset.filter(scope).distinct()


@dataclass(frozen=True)
class Figures:
    """A department's record on problems, as its page, the supervisors' board and the year at a glance show it.

    `received` is every problem counted: all the department was given, or, for a year, those `counted_for_year`.
    """

    received: int
    accepted: int
    accepted_on_time: int
    closed: int
    closed_on_time: int
    median_days_to_close: float | None
    open_now: int
    overdue_now: int

    @property
    def closed_late(self) -> int:
        return self.closed - self.closed_on_time

    @property
    def not_closed(self) -> int:
        """Counted and not closed: overdue now, or still within its time (or waiting for the office's check)."""
        return self.received - self.closed

    @property
    def closed_on_time_percent(self) -> int | None:
        return round(100 * self.closed_on_time / self.received) if self.received else None


def counted_for_year(queryset, year: int):
    """The problems a year's figures count: those whose last day to close falls in `year` (Beijing days).

    That day is the handling deadline with any extension (`handling_due`), so a problem counts once, in the year it
    had to be closed by, whenever it was received or closed, and its year does not move when it is closed late. A
    problem never accepted (declined, or still waiting for acceptance) has no such day and counts in no year; it
    counts in the acceptance figures of the department's page.
    """
    return queryset.filter(handling_due__range=(datetime.date(year, 1, 1), datetime.date(year, 12, 31)))


def _figures_by_department(queryset, today) -> dict[int, dict]:
    counts = queryset.values("department_id").annotate(
        received=Count("pk"),
        accepted=Count("pk", filter=Q(accepted_at__isnull=False)),
        accepted_on_time=Count("pk", filter=Q(accepted_on_time=True)),
        closed=Count("pk", filter=Q(status=Problem.Status.CLOSED)),
        closed_on_time=Count("pk", filter=Q(status=Problem.Status.CLOSED, handled_on_time=True)),
        open_now=Count("pk", filter=~Q(status__in=FINISHED_STATUSES)),
    )
    rows = {row["department_id"]: dict(row, overdue_now=0, days=[]) for row in counts.order_by()}
    for department_id in queryset.overdue(today).values_list("department_id", flat=True).order_by():
        rows[department_id]["overdue_now"] += 1
    closed = queryset.filter(status=Problem.Status.CLOSED).values_list("department_id", "received_at", "closed_at")
    for department_id, received_at, closed_at in closed.order_by():
        rows[department_id]["days"].append((local_day(closed_at) - local_day(received_at)).days)
    return rows


def department_figures(departments, today=None, *, year: int | None = None) -> dict[int, Figures]:
    """Figures for each of `departments` (by id), of all their problems or of those counted for `year`, in three
    queries whatever their number."""
    ids = [getattr(department, "pk", department) for department in departments]
    queryset = Problem.objects.filter(department_id__in=ids).exclude(status=Problem.Status.WITHDRAWN)
    if year is not None:
        queryset = counted_for_year(queryset, year)
    rows = _figures_by_department(queryset, today or today_in_china())
    empty = {"received": 0, "accepted": 0, "accepted_on_time": 0, "closed": 0, "closed_on_time": 0}
    figures = {}
    for pk in ids:
        row = rows.get(pk, {**empty, "open_now": 0, "overdue_now": 0, "days": []})
        figures[pk] = Figures(
            received=row["received"],
            accepted=row["accepted"],
            accepted_on_time=row["accepted_on_time"],
            closed=row["closed"],
            closed_on_time=row["closed_on_time"],
            median_days_to_close=statistics.median(row["days"]) if row["days"] else None,
            open_now=row["open_now"],
            overdue_now=row["overdue_now"],
        )
    return figures
