"""Which departments bearing important duties have published their specific list, since when, and who is late.

Every province asks each department bearing important duties (`Department.bears_key_duties`) to publish the
list of the specific items it leads; Chongqing also sets a deadline (`ReportingRule.list_publication_deadline`:
two months after its plan). A department has published a list when it leads (`DutyRole.LEADING`) a specific
item; it has since the day its first such item came into force (its edition's day, or its document's date).

A department without a published list whose own draft has been submitted for review (Jiangxi (三): "报经省环委会
办公室初审后报送省委、省政府审定") is in review (审核中). The drafts live in an app above this one, so this module does
not import it: settings.LIST_IN_REVIEW names a function giving, for an `OuterRef` to a department's id, an
expression true when the department has a draft in review; the project's settings wire it.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Q, Value
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from duties.models import Department, DutyRole, Jurisdiction, ReportingRule


class PublicationStatus:
    PUBLISHED = "published"
    IN_REVIEW = "in_review"  # not published, its own draft is being reviewed and approved
    NOT_DUE = "not_due"  # not published, the deadline is still ahead
    OVERDUE = "overdue"  # not published, the deadline has passed
    NO_DEADLINE = "no_deadline"  # not published, and the documents set no deadline
    ALL = (PUBLISHED, IN_REVIEW, NOT_DUE, OVERDUE, NO_DEADLINE)
    LABELS = {
        PUBLISHED: _("已公开"),
        IN_REVIEW: _("审核中"),
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
    revision_in_review: bool = False  # published, and a new edition of its own is being reviewed

    @property
    def status_label(self):
        return PublicationStatus.LABELS[self.status]


def _in_review():
    """An expression on departments: whether one has a draft list in review (False when no app provides it)."""
    source = getattr(settings, "LIST_IN_REVIEW", "")
    return import_string(source)(OuterRef("pk")) if source else Value(False)


def publication_deadline(jurisdiction: Jurisdiction) -> datetime.date | None:
    """The day by which the jurisdiction's documents ask the lists to be published, if they set one."""
    rules = ReportingRule.objects.filter(jurisdiction=jurisdiction, kind=ReportingRule.Kind.LIST_PUBLICATION)
    deadlines = [rule.list_publication_deadline() for rule in rules.select_related("document")]
    return min((day for day in deadlines if day is not None), default=None)


def list_publication_rows(jurisdiction: Jurisdiction, today: datetime.date) -> list[PublicationRow]:
    """One row per department of `jurisdiction` bearing important duties, in the documents' order (three queries)."""
    key_departments = Department.objects.filter(jurisdiction=jurisdiction, bears_key_duties=True)
    departments = list(
        key_departments.select_related("jurisdiction__parent__parent")
        .annotate(list_in_review=_in_review())
        .order_by("position")
    )
    first_day = _first_days(key_departments, today)
    deadline = publication_deadline(jurisdiction)
    rows = []
    for department in departments:
        if department.pk in first_day:
            status = PublicationStatus.PUBLISHED
        elif department.list_in_review:
            status = PublicationStatus.IN_REVIEW
        elif deadline is None:
            status = PublicationStatus.NO_DEADLINE
        else:
            status = PublicationStatus.OVERDUE if today > deadline else PublicationStatus.NOT_DUE
        revising = status == PublicationStatus.PUBLISHED and department.list_in_review
        rows.append(PublicationRow(department, status, first_day.get(department.pk), deadline, revising))
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
