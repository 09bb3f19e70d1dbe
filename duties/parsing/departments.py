"""The departments of one jurisdiction as its documents name them, and name resolution.

A name in a text ("省住房城乡建设厅", "住建", "公安机关") resolves through its sector to the
jurisdiction's department of that sector. Departments come from the issuing bodies (full
names), from the lists of departments bearing important duties, and from the bodies that
duty provisions name as their subject; a name that resolves to nothing is kept as written.
"""

import re
from dataclasses import dataclass, field

from pypinyin import lazy_pinyin

from ..sectors import SectorDefinition, sector_for_name
from .records import ProvisionNode, RepairRecord

# Party organs are outside a government's departments: a duty may name them, but they are
# kept as written rather than recorded as departments of the jurisdiction.
SECTORS_OUTSIDE_GOVERNMENT = {"propaganda", "organization"}
# "全省各级公安机关" names the public security organs at every level; the department is 公安机关.
LEVEL_PREFIXES = ("全省各级", "全市各级", "全省设区的市及以上", "各级")
ORGAN_NAME_ENDINGS = ("厅", "局", "委员会", "委", "院")
PARENTHETICAL_RE = re.compile(r"[(（](?P<inner>[^()（）]+)[)）]$")


@dataclass(frozen=True)
class JurisdictionSpec:
    code: str
    name: str
    short_name: str
    slug: str
    level: str
    kind: str

    @property
    def prefix(self) -> str:
        """How the documents abbreviate the jurisdiction before a department's name: 省 or 市."""
        return self.name[-1]


@dataclass
class DepartmentRecord:
    name: str
    name_attested: bool
    short_name: str
    sector: SectorDefinition
    position: int
    aliases: list[str] = field(default_factory=list)
    bears_key_duties: bool = False
    key_duties_provision: tuple[str, ProvisionNode] | None = None  # (file name, provision)
    # For a name the sources do not print in full: how it was written and where.
    derived_from: tuple[str, int, str] | None = None  # (as written, line, how the name was made)
    slug: str = ""

    def add_alias(self, written: str):
        if written not in (self.name, self.short_name) and written not in self.aliases:
            self.aliases.append(written)


class DepartmentRegistry:
    """The departments of one jurisdiction, one per sector."""

    def __init__(self, jurisdiction: JurisdictionSpec):
        self.jurisdiction = jurisdiction
        self.by_sector: dict[str, DepartmentRecord] = {}

    def __iter__(self):
        """The departments in the order the documents first name them."""
        return iter(sorted(self.by_sector.values(), key=lambda record: record.position))

    def sector_of(self, written: str) -> SectorDefinition | None:
        return sector_for_name(PARENTHETICAL_RE.sub("", written))

    def resolve(self, written: str) -> DepartmentRecord | None:
        sector = self.sector_of(written)
        return self.by_sector.get(sector.code) if sector else None

    def add_official(self, full_name: str) -> DepartmentRecord:
        """Record a department from its full name as printed (an issuing body)."""
        sector = self.sector_of(full_name)
        if sector is None:
            raise ValueError(f"no sector in the vocabulary matches {full_name!r}")
        existing = self.by_sector.get(sector.code)
        if existing:
            if existing.name != full_name:
                if existing.name_attested:
                    raise ValueError(f"{full_name!r} and {existing.name!r} are both {sector.name} departments")
                existing.add_alias(existing.name)
                existing.name, existing.name_attested = full_name, True
            return existing
        short_name = self.jurisdiction.prefix + full_name.removeprefix(self.jurisdiction.name)
        record = DepartmentRecord(full_name, True, short_name, sector, len(self.by_sector) + 1)
        self.by_sector[sector.code] = record
        return record

    def expand(self, written: str) -> tuple[str, str]:
        """The name a mention implies, and how it was made: 省生态环境厅 → 河南省生态环境厅."""
        prefix, name = self.jurisdiction.prefix, self.jurisdiction.name
        if written.startswith(prefix) and written.endswith(ORGAN_NAME_ENDINGS) and len(written) > 3:
            return name + written.removeprefix(prefix), f"把“{prefix}”展开为“{name}”"
        stem = written
        for level in LEVEL_PREFIXES:
            stem = stem.removeprefix(level)
        suffix = "" if stem.endswith(("部门", "机关", "院", "政府")) else "部门"
        return f"{name}{stem}{suffix}", "按“行政区名＋文中写法" + ("＋部门" if suffix else "") + "”拟定"

    def note_printed_name(self, written: str, line: int):
        """A text prints a department's name more fully than the record has it: use that form."""
        record = self.resolve(written)
        if record is None or record.name_attested or not written.endswith(ORGAN_NAME_ENDINGS):
            return
        if not written.startswith(self.jurisdiction.prefix) or record.short_name == written:
            return
        record.add_alias(record.short_name)
        record.short_name = written
        record.aliases = [alias for alias in record.aliases if alias != written]
        record.name, how = self.expand(written)
        record.derived_from = (written, line, how)

    def add_from_mention(self, written: str, line: int) -> DepartmentRecord | None:
        """Record (or find) the department a text names without its full name.

        Returns None for a body outside the jurisdiction's government (a party organ).
        """
        sector = self.sector_of(written)
        if sector is None or sector.code in SECTORS_OUTSIDE_GOVERNMENT:
            return None
        existing = self.by_sector.get(sector.code)
        if existing:
            existing.add_alias(written)
            return existing
        short_name = written
        for level in LEVEL_PREFIXES:
            short_name = short_name.removeprefix(level)
        name, how = self.expand(written)
        record = DepartmentRecord(name, False, short_name, sector, len(self.by_sector) + 1)
        record.add_alias(written)
        record.derived_from = (written, line, how)
        self.by_sector[sector.code] = record
        return record

    def finish(self) -> list[RepairRecord]:
        """Give every department its slug; return a repair note for each name not printed."""
        taken = set()
        for record in self:
            stem = PARENTHETICAL_RE.sub("", record.short_name)
            unprefixed = stem.removeprefix(self.jurisdiction.prefix)
            if unprefixed != stem and self.sector_of(unprefixed) is record.sector:
                stem = unprefixed
            slug = "-".join(p for p in lazy_pinyin(stem, errors="ignore") if p.isalnum()).lower() or record.sector.code
            while slug in taken:
                slug = f"{slug}-{record.position}"
            taken.add(slug)
            record.slug = slug
        repairs = []
        for record in self:
            if record.derived_from and not record.name_attested:
                written, line, how = record.derived_from
                reason = f"来源文件只写作“{written}”，未载明该部门全称；名称{how}，未经来源证实。"
                repairs.append(
                    RepairRecord(
                        line, "name-not-printed", written, record.name, reason, department_key=record.sector.code
                    )
                )
        return repairs
