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

from django.db import connections

from duties import search_index
from duties.divisions import division_slug, divisions, kind_and_level, short_name
from duties.models import Department, Document, DutyItem, DutyRole, Jurisdiction, Provision, Sector
from search import searchable_text

SYNTHETIC_TITLE = "（合成数据，仅供测试）%s生态环境保护具体事项清单"
SYNTHETIC_SOURCE_PREFIX = "synthetic/"
CLAUSE_SEPARATORS = re.compile(r"[，；。]")
SEARCH_TABLES = ["duties_department", "duties_document", "duties_provision", "duties_dutyitem"]


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

    def rows_for(self, jurisdiction, department_id, document_id):
        """Everything one jurisdiction publishes, with ids given here so that it can be bulk-inserted."""
        document = Document(
            id=document_id,
            jurisdiction_id=jurisdiction.code,
            title=SYNTHETIC_TITLE % jurisdiction.name,
            source_file=f"{SYNTHETIC_SOURCE_PREFIX}{jurisdiction.code}.txt",
            source_sha256="0" * 64,
            assigns_duties=True,
        )
        document.search_title, document.search_text = search_index.document_search_columns(document)
        departments, provisions, duties, roles = [], [], [], []
        for index, sector in enumerate(self.sectors):
            department = self._department(jurisdiction, department_id + index, sector, index)
            departments.append(department)
            for number in range(1, self.duties_per_department + 1):
                position = len(duties) + 1
                provision, duty = self._duty(document_id, department, number, position, sector)
                provisions.append(provision)
                duties.append(duty)
                roles.extend(self._roles(jurisdiction, duty, department, department_id, index))
        return document, departments, provisions, duties, roles

    def _department(self, jurisdiction, pk, sector, index) -> Department:
        department = Department(
            id=pk,
            jurisdiction_id=jurisdiction.code,
            name=f"{jurisdiction.name}{sector.name}部门",
            name_attested=False,
            short_name=f"{jurisdiction.short_name}{sector.name}部门"[:60],
            sector_id=sector.code,
            slug=sector.code,
            bears_key_duties=True,
            position=index + 1,
        )
        department.search_title, department.search_text = search_index.department_search_columns(department)
        return department

    def _duty(self, document_id, department, number, position, sector) -> tuple[Provision, DutyItem]:
        text, normalised = self._text(sector.code)
        provision = Provision(
            id=document_id * 1000 + position,
            document_id=document_id,
            kind=Provision.Kind.ITEM,
            number=str(number),
            ordinal=number,
            text=text,
            position=position,
            anchor=f"i{position}",
            line_start=position,
            line_end=position,
            search_text=normalised,
        )
        duty = DutyItem(
            id=provision.id,
            lineage=provision.id,
            document_id=document_id,
            provision_id=provision.id,
            number=str(number),
            text=text,
            position=position,
            # What duty_search_columns makes of a duty led by `department` alone.
            search_title=department.search_title,
            search_text=f"{department.search_title} {normalised}",
        )
        return provision, duty

    def _roles(self, jurisdiction, duty, department, department_id, index) -> list[DutyRole]:
        """The department leads; three duties in ten have another department cooperating."""
        roles = [
            DutyRole(
                duty_id=duty.id, department_id=department.id, role=DutyRole.Role.LEAD, name_as_written=department.name
            )
        ]
        if self.random.random() < 0.3 and len(self.sectors) > 1:
            other = self.random.randrange(len(self.sectors) - 1)
            other += other >= index
            roles.append(
                DutyRole(
                    duty_id=duty.id,
                    department_id=department_id + other,
                    role=DutyRole.Role.COOPERATING,
                    name_as_written=f"{jurisdiction.name}{self.sectors[other].name}部门",
                    position=1,
                )
            )
        return roles


def drop_search_indexes(using):
    """Drop the n-gram indexes before a bulk load: building each once is much faster than row by row."""
    if connections[using].vendor != "postgresql":
        return
    with connections[using].cursor() as cursor:
        for table in SEARCH_TABLES:
            cursor.execute(f"DROP INDEX IF EXISTS {table}_search_grams")
            cursor.execute(f"DROP INDEX IF EXISTS {table}_search_title_grams")


def create_search_indexes(using):
    """Build the n-gram indexes again (duties/migrations/0003_search.py) and refresh the planner's statistics."""
    if connections[using].vendor != "postgresql":
        return
    with connections[using].cursor() as cursor:
        # Check the deferred foreign keys now: PostgreSQL builds no index over rows with checks pending.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for table in SEARCH_TABLES:
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {table}_search_grams ON {table} USING gin (search_text_grams)")
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_search_title_grams ON {table} USING gin (search_title_grams)"
            )
        for table in [*SEARCH_TABLES, "duties_jurisdiction", "duties_dutyrole"]:
            cursor.execute(f"ANALYZE {table}")
