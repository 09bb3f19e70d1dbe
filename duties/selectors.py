"""Read queries shared by the public pages, the sitemap and the API.

Each returns a queryset (or a small structure) that already fetches what its page
shows, so a page runs the same number of queries whatever the amount of data.
"""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, Exists, F, Func, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Left
from django.utils import timezone

from duties.audit import AuditEntry
from duties.models import (
    Department,
    Document,
    DocumentIssuer,
    DutyItem,
    DutyRole,
    Jurisdiction,
    Provision,
    Repair,
    ReportingRule,
    Requirement,
    Sector,
    valid_on,
)


def _count_in_province(queryset, jurisdiction_path):
    """A subquery counting rows of `queryset` inside the outer province (its code's first two digits)."""
    count = (
        queryset.filter(**{f"{jurisdiction_path}__code__startswith": Left(OuterRef("code"), 2)})
        .order_by()
        .annotate(total=Func(F("pk"), function="COUNT"))
        .values("total")
    )
    return Coalesce(Subquery(count, output_field=IntegerField()), 0)


def provinces_with_counts():
    """Every province-level jurisdiction with how many departments, duties and documents it publishes."""
    return Jurisdiction.objects.filter(parent__isnull=True).annotate(
        department_count=_count_in_province(Department.objects.all(), "jurisdiction"),
        duty_count=_count_in_province(DutyItem.objects.current(), "document__jurisdiction"),
        document_count=_count_in_province(Document.objects.all(), "jurisdiction"),
    )


# The home page's counts scan every duty in the country; they change only when lists are
# loaded or edited, so they are cached (in Redis when configured) for a few minutes.
PROVINCE_COUNTS_CACHE_KEY = "duties:province-counts"
PROVINCE_COUNTS_TIMEOUT = 300


def provinces_with_counts_cached():
    return cache.get_or_set(PROVINCE_COUNTS_CACHE_KEY, lambda: list(provinces_with_counts()), PROVINCE_COUNTS_TIMEOUT)


def forget_cached_counts():
    cache.delete(PROVINCE_COUNTS_CACHE_KEY)


def province_named(value):
    """The province a URL names (its slug or code, any case); none when the value cannot name one."""
    try:
        return Jurisdiction.objects.provinces().named(value)
    except ValidationError:
        return Jurisdiction.objects.none()


def jurisdiction_in(province, code: str):
    """A city or county of `province`, by its code; none when the value cannot name one."""
    try:
        found = Jurisdiction.objects.named(code)
    except ValidationError:
        return Jurisdiction.objects.none()
    return found.filter(parent__isnull=False, code__startswith=province.code[:2]).select_related("parent__parent")


def sub_jurisdictions_publishing(jurisdiction):
    """The jurisdiction's cities or counties that publish a list (they or their counties have departments)."""
    publishing = Department.objects.filter(Q(jurisdiction=OuterRef("pk")) | Q(jurisdiction__parent=OuterRef("pk")))
    return jurisdiction.children.filter(Exists(publishing)).select_related("parent__parent").order_by("code")


def departments_of(jurisdiction, day=None):
    """The jurisdiction's own departments, by sector, with how many duties each leads on `day` (today)."""
    return (
        Department.objects.filter(jurisdiction=jurisdiction)
        .with_duty_counts(day)
        .select_related("sector", "jurisdiction__parent__parent")
        .order_by("sector__position", "position")
    )


def departments_with_lists(jurisdiction, day=None):
    """The jurisdiction's departments that have a specific list in force on `day` (today): they lead a duty of it."""
    leading = Q(duty_roles__role__in=DutyRole.LEADING) & valid_on(day or timezone.localdate(), "duty_roles__duty__")
    return Department.objects.filter(leading, jurisdiction=jurisdiction).distinct()


def documents_of_all():
    return Document.objects.order_by("jurisdiction_id", "position")


def documents_of(jurisdiction):
    return Document.objects.filter(jurisdiction=jurisdiction).order_by("position")


@dataclass(frozen=True)
class AnnualDeadline:
    rule: ReportingRule
    report_year: int
    deadline: datetime.date


def reporting_rules_of(jurisdiction):
    return ReportingRule.objects.filter(jurisdiction=jurisdiction).select_related(
        "document__jurisdiction", "provision__document__jurisdiction"
    )


def next_annual_deadline(rules, today: datetime.date) -> AnnualDeadline | None:
    """The next annual-report deadline on or after `today` among `rules`."""
    upcoming = []
    for rule in rules:
        if rule.kind != ReportingRule.Kind.ANNUAL_REPORT:
            continue
        # The report on year Y is due early in Y + 1: the one due this year, or else next year's.
        for report_year in (today.year - 1, today.year):
            deadline = rule.annual_report_deadline(report_year)
            if deadline >= today:
                upcoming.append(AnnualDeadline(rule, report_year, deadline))
                break
    return min(upcoming, key=lambda item: item.deadline, default=None)


def department_in(jurisdiction, slug, day=None):
    """The jurisdiction's department `slug`, with its duty counts on `day` (today)."""
    return (
        Department.objects.with_duty_counts(day)
        .select_related("jurisdiction__parent__parent", "sector", "key_duties_provision__document")
        .filter(jurisdiction=jurisdiction, slug=slug)
    )


def list_versions(jurisdiction, department=None):
    """Every version ever on a list: the jurisdiction's duties, or those `department` leads (`DutyRole.LEADING`)."""
    versions = DutyItem.objects.filter(document__jurisdiction=jurisdiction)
    if department is not None:
        leading = DutyRole.objects.filter(duty=OuterRef("pk"), department=department, role__in=DutyRole.LEADING)
        versions = versions.filter(Exists(leading))
    return versions


def list_duties(jurisdiction: Jurisdiction, department: Department | None = None, day: datetime.date | None = None):
    """The list in force on `day` (today), in the order its pages show it."""
    if department is not None:
        return duties_for_department(department, day=day)
    return (
        DutyItem.objects.as_of(day)
        .filter(document__jurisdiction=jurisdiction)
        .with_departments()
        .order_by("document__position", "document_id", "position")
    )


def duties_for_department(department, roles=DutyRole.LEADING, day=None):
    """The duties in which `department` holds one of `roles` on `day` (today), with all their departments.

    Each duty carries `department_role`, the department's role in it; duties it leads come
    before those it co-leads (which sit in other departments' sections of the document),
    each group in document order.
    """
    role_here = DutyRole.objects.filter(duty=OuterRef("pk"), department=department, role__in=roles)
    rank = Case(*(When(department_role=role, then=Value(index)) for index, role in enumerate(roles)))
    return (
        DutyItem.objects.as_of(day)
        .filter(Exists(role_here))
        .annotate(department_role=Subquery(role_here.order_by("position").values("role")[:1]))
        .annotate(role_rank=rank)
        .with_departments()
        .order_by("role_rank", "document__position", "document_id", "position")
    )


def requirements_for_department(department):
    """The general requirements the department's documents put on it (or ask it to help with), in document order."""
    return Requirement.objects.naming(department).with_departments().order_by("document__position", "position")


def obligations_of(department, day: datetime.date) -> list:
    """What a department's plan and report answer for: the specific duties it leads on `day`, or, while it has
    published no list, the general requirements its documents put on it (DutyItem or Requirement objects, each
    with its text and subject_key)."""
    duties = list(duties_for_department(department, day=day))
    if duties:
        return duties
    return [r for r in requirements_for_department(department) if department in r.addressed_departments]


def subject_fields(subject) -> dict:
    """A plan's or report's entry fields for one of obligations_of's answers: its duty, or its requirement."""
    return {
        "duty": subject if isinstance(subject, DutyItem) else None,
        "requirement": subject if isinstance(subject, Requirement) else None,
    }


def requirements_of(jurisdiction):
    return Requirement.objects.filter(document__jurisdiction=jurisdiction).with_departments()


def corrections_of(duty):
    """The admin's corrections of this version and of its departments (not the editions' own entries): the
    public sees when and why, never who (the audit trail itself is for admins)."""
    role_ids = [str(role.pk) for role in duty.roles.all()]
    entries = AuditEntry.objects.filter(
        Q(content_type__app_label="duties", content_type__model="dutyitem", object_id=str(duty.pk), action="change")
        | Q(content_type__app_label="duties", content_type__model="dutyrole", object_id__in=role_ids)
    ).exclude(changes__has_key="valid_until")
    return list(entries.only("created_at", "reason").order_by("created_at"))


def duty_detail():
    """Any version of a duty, with its provision and the row its wording is published in, each with its address."""
    return DutyItem.objects.with_departments().select_related(
        "provision__parent",
        "provision__document__jurisdiction__parent__parent",
        "wording__document__jurisdiction__parent__parent",
        "edition",
        "ended_by",
    )


def duty_versions(duty):
    """Every version of `duty`, oldest first, each with its departments and the edition that made it."""
    return (
        DutyItem.objects.filter(lineage=duty.lineage)
        .with_departments()
        .select_related("edition", "ended_by")
        .order_by(F("valid_from").asc(nulls_first=True), "pk")
    )


def repairs_on_provision(provision):
    return Repair.objects.filter(provision=provision).select_related("document").order_by("line", "id")


def repairs_on_department(department):
    return Repair.objects.filter(department=department).select_related("document").order_by("document", "line")


def document_detail():
    return Document.objects.select_related("jurisdiction").prefetch_related(
        Prefetch("issuers", queryset=DocumentIssuer.objects.select_related("department__jurisdiction"))
    )


@dataclass(frozen=True)
class ProvisionNode:
    provision: Provision
    depth: int
    duty_id: int | None
    repairs: list


def document_outline(document):
    """The document's provisions in reading order, each with its depth, its duty in force and its repairs."""
    provisions = list(Provision.objects.filter(document=document).order_by("position"))
    duty_by_provision = {}
    # An edition's document holds the new wording of duties whose source is another document.
    in_force = DutyItem.objects.current().filter(Q(document=document) | Q(wording__document=document))
    for provision_id, wording_id, pk in in_force.values_list("provision_id", "wording_id", "pk"):
        duty_by_provision[provision_id] = duty_by_provision[wording_id] = pk
    repairs_by_provision = {}
    for repair in Repair.objects.filter(document=document, provision__isnull=False).order_by("line", "id"):
        repairs_by_provision.setdefault(repair.provision_id, []).append(repair)
    depth_of = {}
    nodes = []
    for provision in provisions:
        depth = depth_of.get(provision.parent_id, -1) + 1 if provision.parent_id else 0
        depth_of[provision.pk] = depth
        nodes.append(
            ProvisionNode(
                provision, depth, duty_by_provision.get(provision.pk), repairs_by_provision.get(provision.pk, [])
            )
        )
    return nodes


def document_repairs_without_provision(document):
    return Repair.objects.filter(document=document, provision__isnull=True).select_related("department")


def sectors_with_counts():
    return Sector.objects.annotate(
        department_count=Count("departments", distinct=True),
        leading_duty_count=Count(
            "departments__duty_roles__duty",
            filter=Q(departments__duty_roles__role__in=DutyRole.LEADING)
            & valid_on(timezone.localdate(), "departments__duty_roles__duty__"),
            distinct=True,
        ),
    ).order_by("position")


def sector_departments_in(sector, provinces):
    """The sector's departments in each of `provinces`, each with the duties it leads."""
    prefixes = Q()
    for province in provinces:
        prefixes |= Q(jurisdiction__code__startswith=province.code[:2])
    leading = (
        DutyRole.objects.filter(valid_on(timezone.localdate(), "duty__"), role__in=DutyRole.LEADING)
        .select_related("duty")
        .order_by("duty__document_id", "duty__position")
    )
    return (
        Department.objects.filter(prefixes, sector=sector)
        .select_related("jurisdiction__parent__parent")
        .prefetch_related(Prefetch("duty_roles", queryset=leading, to_attr="leading_roles"))
        .order_by("jurisdiction_id", "position")
    )


def provinces_with_sector(sector):
    """Province-level jurisdictions in which some department of `sector` is published."""
    prefixes = Department.objects.filter(sector=sector).values_list(Left("jurisdiction_id", 2), flat=True).distinct()
    return Jurisdiction.objects.filter(parent__isnull=True).annotate(prefix=Left("code", 2)).filter(prefix__in=prefixes)


class DepartmentNames:
    """How department names written in one jurisdiction resolve (an import's cells): as the recorded data does.

    A name resolves to a department when it is one's name, short name or alias there, or a writing already
    recorded for one; a name recorded before as a body outside the records stays one; any other is unknown.
    """

    def __init__(self, jurisdiction: Jurisdiction):
        self.departments = {}
        self.outside_records = set()
        recorded = DutyRole.objects.filter(duty__document__jurisdiction=jurisdiction).values_list(
            "name_as_written", "department_id"
        )
        for name, department_id in recorded.distinct():
            if department_id is None:
                self.outside_records.add(name)
            else:
                self.departments.setdefault(name, department_id)
        for department in Department.objects.filter(jurisdiction=jurisdiction):
            # An alias of one character (a JSON text once split into its characters) names nothing.
            aliases = [alias for alias in department.aliases if isinstance(alias, str) and len(alias) > 1]
            for name in [department.name, department.short_name, *aliases]:
                self.departments.setdefault(name, department.pk)

    def resolve(self, name: str) -> tuple[bool, int | None]:
        """(known, department id): a body outside the records is known, with no department."""
        if name in self.departments:
            return True, self.departments[name]
        return name in self.outside_records, None
