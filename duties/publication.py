"""Which departments bearing important duties have published their specific list, since when, and who is late.

Every province asks each department bearing important duties (`Department.bears_key_duties`) to publish the
list of the specific items it leads; Chongqing also sets a deadline (`ReportingRule.list_publication_deadline`:
two months after its plan). A department has published a list when it leads (`DutyRole.LEADING`) a specific
item; it has since the day its first such item came into force (its edition's day, or its document's date).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from duties.models import Department, DutyRole, Jurisdiction, ReportingRule


class PublicationStatus:
    PUBLISHED = "published"
    NOT_DUE = "not_due"  # not published, the deadline is still ahead
    OVERDUE = "overdue"  # not published, the deadline has passed
    NO_DEADLINE = "no_deadline"  # not published, and the documents set no deadline
    ALL = (PUBLISHED, NOT_DUE, OVERDUE, NO_DEADLINE)
    LABELS = {
        PUBLISHED: _("已公开"),
        NOT_DUE: _("尚未公开（未到期）"),
        OVERDUE: _("逾期未公开"),
        NO_DEADLINE: _("尚未公开（文件未规定期限）"),
    }


@dataclass(frozen=True)
class PublicationRow:
    department: Department
    status: str
    published_since: datetime.date | None  # None when not published, or when its document prints no full date
    deadline: datetime.date | None

    @property
    def status_label(self):
        return PublicationStatus.LABELS[self.status]


def publication_deadline(jurisdiction: Jurisdiction) -> datetime.date | None:
    """The day by which the jurisdiction's documents ask the lists to be published, if they set one."""
    rules = ReportingRule.objects.filter(jurisdiction=jurisdiction, kind=ReportingRule.Kind.LIST_PUBLICATION)
    deadlines = [rule.list_publication_deadline() for rule in rules.select_related("document")]
    return min((day for day in deadlines if day is not None), default=None)


def list_publication_rows(jurisdiction: Jurisdiction, today: datetime.date) -> list[PublicationRow]:
    """One row per department of `jurisdiction` bearing important duties, in the documents' order (three queries)."""
    key_departments = Department.objects.filter(jurisdiction=jurisdiction, bears_key_duties=True)
    departments = list(key_departments.select_related("jurisdiction__parent__parent").order_by("position"))
    first_day = _first_days(key_departments, today)
    deadline = publication_deadline(jurisdiction)
    rows = []
    for department in departments:
        if department.pk in first_day:
            status = PublicationStatus.PUBLISHED
        elif deadline is None:
            status = PublicationStatus.NO_DEADLINE
        else:
            status = PublicationStatus.OVERDUE if today > deadline else PublicationStatus.NOT_DUE
        rows.append(PublicationRow(department, status, first_day.get(department.pk), deadline))
    return rows


def _first_days(departments, today) -> dict[int, datetime.date | None]:
    """For each of `departments` (a queryset: one query whatever their number) leading a specific item in force
    today, the first day it led one (None: unknown)."""
    roles = (
        DutyRole.objects.filter(department__in=departments, role__in=DutyRole.LEADING)
        .filter(Q(duty__valid_from__isnull=True) | Q(duty__valid_from__lte=today))
        .values_list(
            "department_id",
            "duty__valid_from",
            "duty__valid_until",
            "duty__document__issued_year",
            "duty__document__issued_month",
            "duty__document__issued_day",
        )
    )
    in_force, first = set(), {}
    for department_id, valid_from, valid_until, year, month, day in roles:
        if valid_until is None or valid_until > today:
            in_force.add(department_id)
        since = valid_from or (datetime.date(year, month, day) if year and month and day else None)
        known = first.get(department_id)
        if department_id not in first or (since is not None and (known is None or since < known)):
            first[department_id] = since
    return {department_id: since for department_id, since in first.items() if department_id in in_force}
