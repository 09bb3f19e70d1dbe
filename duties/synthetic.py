"""A synthetic national dataset for measuring the portal at the scale of every province, city and county.

The jurisdictions are the real GB/T 2260 divisions (the GB2260 package's latest table):
31 province-level, their cities and prefectures, their counties and districts. Each gets a
synthetic list: `departments_per_jurisdiction` departments named after the sectors the
real documents use ("南昌市生态环境部门"), each leading `duties_per_department` duties
whose text recombines clauses of the real duty texts of that sector. Every generated
document says it is synthetic in its title and in its source file name, so that nobody
mistakes it for a published list. Jurisdictions already in the database are left as
they are (the real provinces keep their real lists).
"""

import random
import re
from types import SimpleNamespace

from duties import search_index
from duties.divisions import division_slug, divisions, kind_and_level, short_name
from duties.models import Department, Document, DutyItem, DutyRole, Jurisdiction, Provision, Sector
from search import searchable_text

SYNTHETIC_TITLE = "（合成数据，仅供测试）%s生态环境保护具体事项清单"
SYNTHETIC_SOURCE_PREFIX = "synthetic/"
CLAUSE_SEPARATORS = re.compile(r"[，；。]")
# The columns each row of `rows_for` gives, by table; every other column takes its field's default.
COLUMNS = {
    "document": (
        Document,
        ["id", "jurisdiction_id", "title", "source_file", "source_sha256", "assigns_duties", "search_title"]
        + ["search_text"],
    ),
    "department": (
        Department,
        ["id", "jurisdiction_id", "name", "name_attested", "short_name", "sector_id", "slug", "bears_key_duties"]
        + ["position", "search_title", "search_text"],
    ),
    "provision": (
        Provision,
        ["id", "document_id", "kind", "number", "ordinal", "text", "position", "anchor", "line_start", "line_end"]
        + ["search_text"],
    ),
    "duty": (
        DutyItem,
        ["id", "lineage", "document_id", "provision_id", "number", "text", "position", "search_title", "search_text"],
    ),
    "role": (DutyRole, ["duty_id", "department_id", "role", "name_as_written", "position"]),
}


def clause_pool(using="default") -> dict[str, list[str]]:
    """The clauses of the real duty texts that departments of each sector lead, and all of them under ''."""
    pool = {"": []}
    for duty in DutyItem.objects.using(using).prefetch_related("roles__department"):
        clauses = [clause.strip() for clause in CLAUSE_SEPARATORS.split(duty.text) if len(clause.strip()) >= 4]
        pool[""].extend(clauses)
        for department in duty.lead_departments:
            pool.setdefault(department.sector_id, []).extend(clauses)
    if not pool[""]:
        raise ValueError("Load the real duty lists first (manage.py load_duties): their texts are recombined.")
    return {sector: clauses for sector, clauses in pool.items() if len(clauses) >= 8 or sector == ""}


class NationalDatasetBuilder:
    """Create the synthetic jurisdictions, departments, documents, provisions, duties and roles in bulk."""

    def __init__(self, *, departments_per_jurisdiction=15, duties_per_department=10, seed=2022, using="default"):
        self.departments_per_jurisdiction = departments_per_jurisdiction
        self.duties_per_department = duties_per_department
        self.random = random.Random(seed)
        self.using = using
        self.clauses = clause_pool(using)
        # Sectors with real duties to recombine come first.
        sectors = list(Sector.objects.using(using).order_by("position"))
        with_duties = [sector for sector in sectors if sector.code in self.clauses]
        self.sectors = (with_duties + [sector for sector in sectors if sector not in with_duties])[
            :departments_per_jurisdiction
        ]
        self._normalised = {}

    def new_jurisdictions(self, limit_provinces=None) -> list[Jurisdiction]:
        existing = set(Jurisdiction.objects.using(self.using).values_list("code", flat=True))
        top_slugs = set(
            Jurisdiction.objects.using(self.using).filter(parent__isnull=True).values_list("slug", flat=True)
        )
        wanted = divisions()
        if limit_provinces:
            provinces = sorted({d.code[:2] for d in wanted})[:limit_provinces]
            wanted = [d for d in wanted if d.code[:2] in provinces]
        result, slugs_in_parent = [], {}
        for division in wanted:
            if division.code in existing:
                continue
            kind, level = kind_and_level(division)
            slug = division_slug(division)
            taken = (
                top_slugs if division.parent_code is None else slugs_in_parent.setdefault(division.parent_code, set())
            )
            if slug in taken:
                slug = f"{slug}-{division.code}"
            taken.add(slug)
            result.append(
                Jurisdiction(
                    code=division.code,
                    name=division.name,
                    short_name=short_name(division.name),
                    slug=slug[:60],
                    level=level,
                    kind=kind,
                    parent_id=division.parent_code,
                )
            )
        return result

    def _text(self, sector_code) -> tuple[str, str]:
        clauses = self.clauses.get(sector_code) or self.clauses[""]
        chosen = self.random.sample(clauses, k=min(len(clauses), self.random.randint(2, 4)))
        text = "，".join(chosen) + "。"
        normalised = " ".join(self._normalise(clause) for clause in chosen)
        return text, normalised

    def _normalise(self, clause):
        if clause not in self._normalised:
            self._normalised[clause] = searchable_text(clause)
        return self._normalised[clause]

    def rows_for(self, jurisdiction, department_id, document_id) -> dict[str, list[tuple]]:
        """Everything one jurisdiction publishes as rows of COLUMNS, ids given here so that it can be bulk-inserted."""
        title = SYNTHETIC_TITLE % jurisdiction.name
        search_title, search_text = search_index.document_search_columns(SimpleNamespace(title=title, doc_number=""))
        source_file = f"{SYNTHETIC_SOURCE_PREFIX}{jurisdiction.code}.txt"
        rows = {table: [] for table in COLUMNS}
        rows["document"].append(
            (document_id, jurisdiction.code, title, source_file, "0" * 64, True, search_title, search_text)
        )
        position = 0
        for index, sector in enumerate(self.sectors):
            department = self._department(jurisdiction, department_id + index, sector, index)
            rows["department"].append(department)
            for number in range(1, self.duties_per_department + 1):
                position += 1
                provision, duty = self._duty(document_id, department, number, position, sector)
                rows["provision"].append(provision)
                rows["duty"].append(duty)
                rows["role"].extend(self._roles(jurisdiction, duty[0], department, department_id, index))
        return rows

    def _department(self, jurisdiction, pk, sector, index) -> tuple:
        name = f"{jurisdiction.name}{sector.name}部门"
        short = f"{jurisdiction.short_name}{sector.name}部门"[:60]
        title, text = search_index.department_search_columns(SimpleNamespace(name=name, short_name=short, aliases=[]))
        return (pk, jurisdiction.code, name, False, short, sector.code, sector.code, True, index + 1, title, text)

    def _duty(self, document_id, department, number, position, sector) -> tuple[tuple, tuple]:
        text, normalised = self._text(sector.code)
        pk = document_id * 1000 + position
        provision = (pk, document_id, Provision.Kind.ITEM.value, str(number), number, text, position)
        provision += (f"i{position}", position, position, normalised)
        # What duty_search_columns makes of a duty led by the department alone.
        title = department[-2]
        duty = (pk, pk, document_id, pk, str(number), text, position, title, f"{title} {normalised}")
        return provision, duty

    def _roles(self, jurisdiction, duty_id, department, department_id, index) -> list[tuple]:
        """The department leads; three duties in ten have another department cooperating."""
        roles = [(duty_id, department[0], DutyRole.Role.LEAD.value, department[2], 0)]
        if self.random.random() < 0.3 and len(self.sectors) > 1:
            other = self.random.randrange(len(self.sectors) - 1)
            other += other >= index
            name = f"{jurisdiction.name}{self.sectors[other].name}部门"
            roles.append((duty_id, department_id + other, DutyRole.Role.COOPERATING.value, name, 1))
        return roles
