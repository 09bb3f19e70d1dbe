"""A province's cities and counties join the portal from GB/T 2260, each with its people's government as the body
responsible for what the province's documents ask of "各县(市、区)政府" (Jilin's quarterly disclosures).

Real codes and names from the GB2260 table; nothing is invented beyond the government's usual name
("<division>人民政府"), which the sources do not print (so `name_attested` is false). Joining twice adds nothing.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from duties import search_index
from duties.audit import AuditEntry, audit_entry_record
from duties.divisions import division_slug, divisions_in, kind_and_level, short_name
from duties.models import Department, Jurisdiction, Sector

LOCAL_GOVERNMENT_SECTOR = "local-government"
GOVERNMENT_SLUG = "ren-min-zheng-fu"
NOT_A_PROVINCE = _("只有省级行政区的市、县可以从 GB/T 2260 加入。")
JOIN_REASON = _("按 GB/T 2260 行政区划代码加入本平台，以其人民政府为责任主体。")


@dataclass(frozen=True)
class JoinResult:
    jurisdictions: int
    governments: int


def government_name(jurisdiction: Jurisdiction) -> str:
    return f"{jurisdiction.name}人民政府"


def _new_jurisdictions(province: Jurisdiction, existing: dict) -> list[Jurisdiction]:
    taken_slugs: dict[str, set] = {}
    for parent, slug in existing.values():
        taken_slugs.setdefault(parent, set()).add(slug)
    created = []
    for division in divisions_in(province.code):
        if division.code in existing:
            continue
        kind, level = kind_and_level(division)
        slug = division_slug(division)[:60]
        taken = taken_slugs.setdefault(division.parent_code, set())
        if slug in taken:
            slug = f"{slug[:53]}-{division.code}"
        taken.add(slug)
        created.append(
            Jurisdiction(
                code=division.code,
                name=division.name,
                short_name=short_name(division.name),
                slug=slug,
                level=level,
                kind=kind,
                parent_id=division.parent_code,
            )
        )
    return created


@transaction.atomic
def local_governments_join(*, province: Jurisdiction, user=None) -> JoinResult:
    """Add `province`'s GB/T 2260 cities and counties that are not yet here, and a government for each that has none."""
    if province.parent_id is not None:
        raise ValidationError(NOT_A_PROVINCE)
    existing = {
        code: (parent, slug)
        for code, parent, slug in Jurisdiction.objects.filter(code__startswith=province.code[:2])
        .exclude(pk=province.pk)
        .values_list("code", "parent_id", "slug")
    }
    new = _new_jurisdictions(province, existing)
    for jurisdiction in new:
        jurisdiction.full_clean(validate_unique=False)
        jurisdiction.save()
        audit_entry_record(user=user, action=AuditEntry.Action.ADD, obj=jurisdiction, reason=str(JOIN_REASON))
    sector = Sector.objects.get(pk=LOCAL_GOVERNMENT_SECTOR)
    without_government = (
        Jurisdiction.objects.filter(code__startswith=province.code[:2], parent__isnull=False)
        .exclude(departments__sector=sector)
        .order_by("code")
    )
    governments = 0
    for jurisdiction in without_government:
        name = government_name(jurisdiction)
        department = Department(
            id=int(jurisdiction.code) * 1000 + 1,
            jurisdiction=jurisdiction,
            name=name,
            name_attested=False,
            short_name=name,
            sector=sector,
            slug=GOVERNMENT_SLUG,
            position=1,
        )
        department.search_title, department.search_text = search_index.department_search_columns(department)
        department.full_clean()
        department.save(force_insert=True)
        audit_entry_record(user=user, action=AuditEntry.Action.ADD, obj=department, reason=str(JOIN_REASON))
        governments += 1
    return JoinResult(jurisdictions=len(new), governments=governments)
