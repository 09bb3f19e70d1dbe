"""Finding who leads, co-leads and cooperates on each duty a document assigns.

Jiangxi's annex lists duties under the department that leads them. The other documents
assign duties inside their measures: a measure is a duty when it names a specific body as
the subject of a task ("省生态环境厅牵头…", "由省生态环境厅组织…", "审计部门要…", the list
of departments bearing important duties), and Jilin's measures without a named subject are
addressed to the county governments the whole document is about. Inside any duty,
"会同X牵头" makes X a co-lead and "会同/配合/协调/协助 X、Y 等部门" makes X and Y
cooperating departments.
"""

import re
from dataclasses import dataclass, field

from ..sectors import SECTORS
from .departments import DepartmentRecord, DepartmentRegistry
from .records import ProvisionNode, RepairRecord
from .source import SourceError

ORGAN_SUFFIXES = ("委员会", "厅", "局", "委")


def _alternation(terms) -> str:
    return "|".join(re.escape(term) for term in sorted(set(terms), key=len, reverse=True))


# Sector stems without an organ suffix: "发展改革委" is 发展改革 + 委.
_STEMS = _alternation(
    term.removesuffix(suffix)
    for sector in SECTORS
    for term in sector.terms
    for suffix in [next((s for s in ORGAN_SUFFIXES if term.endswith(s) and len(term) > len(s) + 1), "")]
)
_ORGAN = r"(?:委员会|厅|局|委)"
_LEVEL = r"(?:全省各级|全市各级|全省设区的市及以上|各级)"
COUNTY_GOVERNMENTS = r"(?:各市\(州\)、)?(?:各)?县\(市、区\)政府|县级政府"


def body_pattern(prefix: str) -> str:
    """A specific body: 省生态环境厅, 公安机关, 审计部门, 人民法院, 各县(市、区)政府."""
    return (
        rf"{prefix}(?:{_STEMS}){_ORGAN}"
        rf"|{_LEVEL}?(?:{_STEMS})(?:部门|机关)"
        rf"|{_LEVEL}?人民(?:法院|检察院)"
        rf"|{COUNTY_GOVERNMENTS}"
    )


SUBJECT_VERBS = r"(?:要|应当|应|牵头|负责|会同|组织|按照|在|将|可)"
BARE_SUBJECT_VERBS = r"(?:加强|负责|会同|牵头)"
CLAUSE_SPLIT_RE = re.compile(r"[。；;，,：:]")
KEY_LIST_RES = (
    re.compile(r"承担重要生态环境保护职责的(?P<list>[^,，。;；]+?)(?:等省直有关职能部门|[,，])"),
    re.compile(r"(?P<list>[^,，。;；]+?)承担重要生态环境保护职责的"),
)
COOPERATION_TRIGGER_RE = re.compile(r"会同|配合|协调|协助")
GENERIC_BODIES_RE = re.compile(r"(?:省|市|市级)?(?:有关|相关)(?:职能)?部门(?:和单位)?")
OUTSIDE_BODY_RE = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:铁路局|局)")
LIST_SEPARATOR_RE = re.compile(r"[、和]")
LIST_END_RE = re.compile(r"等?(?:有关|相关)?(?:职能)?(?:部门|机关)?")


@dataclass
class RoleRecord:
    role: str  # lead, co-lead, cooperating
    written: str
    department: DepartmentRecord | None


@dataclass
class DutyRecord:
    provision: ProvisionNode
    number: str
    text: str
    roles: list[RoleRecord] = field(default_factory=list)

    def add(self, role: str, written: str, department: DepartmentRecord | None):
        for existing in self.roles:
            if department is not None and existing.department is department:
                return  # a lead named again in the text stays the lead
            if department is None and existing.department is None and existing.written == written:
                return
        self.roles.append(RoleRecord(role, written, department))


def key_department_list(text: str, registry: DepartmentRegistry) -> list[str]:
    """The names in a list of departments bearing important duties, or []."""
    for pattern in KEY_LIST_RES:
        for match in pattern.finditer(text):
            names = match["list"].split("、")
            if len(names) > 1 and all(registry.sector_of(name) for name in names):
                return names
    return []


def strip_parenthetical(written: str) -> tuple[str, str | None]:
    """'省发展改革委(省能源局)' → ('省发展改革委', '省能源局')."""
    match = re.search(r"[(（](?P<inner>[^()（）]+)[)）]$", written)
    return (written[: match.start()], match["inner"]) if match else (written, None)


class AssignmentReader:
    """Read the duties of one jurisdiction's documents against its department registry."""

    def __init__(self, registry: DepartmentRegistry, file_name: str, repairs: list[RepairRecord]):
        self.registry = registry
        self.file_name = file_name
        self.repairs = repairs
        prefix = registry.jurisdiction.prefix
        body = body_pattern(prefix)
        self.subject_re = re.compile(rf"^(?:同时|由)?(?P<body>{body})(?:{SUBJECT_VERBS}|[^。]*?主要职责[:：])")
        self.anywhere_re = re.compile(rf"由(?P<body>{body})|(?P<leading>{body})(?:牵头|会同)")
        self.bare_subject_re = re.compile(rf"^(?P<term>{_STEMS}){BARE_SUBJECT_VERBS}")
        self.printed_name_re = re.compile(rf"{prefix}(?:{_STEMS}){_ORGAN}")
        self.list_item_re = re.compile(rf"{prefix}?{_LEVEL}?(?:{_STEMS})(?:{_ORGAN}|部门|机关)?|人民(?:法院|检察院)")

    # Key-duty lists ---------------------------------------------------------------

    def mark_key_departments(self, provision: ProvisionNode, create: bool) -> list[DepartmentRecord]:
        """Mark the departments a provision lists as bearing important duties."""
        marked = []
        for written in key_department_list(provision.text, self.registry):
            name, inner = strip_parenthetical(written)
            record = self.registry.resolve(name)
            if record is None and create:
                record = self.registry.add_from_mention(name, provision.line_start)
            if record is None:
                raise SourceError(self.file_name, provision.line_start, f"unknown department {written!r}")
            if record.name_attested and record.short_name != name and not record.bears_key_duties:
                record.add_alias(record.short_name)
                record.short_name = name
            for alias in (written, inner):
                if alias and alias != record.short_name:
                    record.add_alias(alias)
            if not record.bears_key_duties:
                record.bears_key_duties = True
                record.key_duties_provision = (self.file_name, provision)
            marked.append(record)
        return marked

    # Duties from measures ---------------------------------------------------------

    def subjects(self, provision: ProvisionNode) -> list[tuple[str, int]]:
        """The specific bodies a provision names as the subject of a task, as written."""
        text = f"{provision.heading}。{provision.text}" if provision.heading else provision.text
        found = []
        for clause in CLAUSE_SPLIT_RE.split(text):
            if match := self.subject_re.match(clause):
                found.append((match["body"], provision.line_start))
            elif match := self.bare_subject_re.match(clause):
                found.append((match["term"], provision.line_start))
        for match in self.anywhere_re.finditer(text):
            found.append((match["body"] or match["leading"], provision.line_start))
        return found

    def add_subject_departments(self, provision: ProvisionNode):
        """First pass: record the bodies named as subjects, so that later mentions resolve."""
        for written, line in self.subjects(provision):
            self.registry.add_from_mention(written, line)
        for match in self.printed_name_re.finditer(provision.text):
            self.registry.note_printed_name(match.group(), provision.line_start)

    def duty_from_measure(self, provision: ProvisionNode, default_subject: str | None) -> DutyRecord | None:
        key_departments = self.mark_key_departments(provision, create=True)
        subjects = self.subjects(provision)
        if not subjects and not key_departments:
            if default_subject is None or provision.kind != "measure":
                return None
            subjects = [(default_subject, provision.line_start)]
        number = provision.number  # as printed, brackets included
        text = f"{provision.heading}。{provision.text}" if provision.heading else provision.text
        duty = DutyRecord(provision, number, text)
        for record in key_departments:
            duty.add("lead", record.short_name, record)
        for written, line in subjects:
            record = self.registry.add_from_mention(written, line)
            if record is not None and written in self.bare_terms(provision):
                self.note_bare_subject(provision, written, record)
            duty.add("lead", written, record)
        self.add_cooperation(duty)
        return duty

    def bare_terms(self, provision: ProvisionNode) -> set[str]:
        return {m["term"] for c in CLAUSE_SPLIT_RE.split(provision.text) if (m := self.bare_subject_re.match(c))}

    def note_bare_subject(self, provision: ProvisionNode, written: str, record: DepartmentRecord):
        self.repairs.append(
            RepairRecord(
                provision.line_start,
                "resolution",
                written,
                record.name,
                f"句首主语只写作“{written}”（其后似有字丢失），按职能读作本级{record.sector.name}部门；原文未改。",
                provision=provision,
            )
        )

    # Duties from the annex --------------------------------------------------------

    def duty_from_item(self, item: ProvisionNode, lead: DepartmentRecord, lead_written: str) -> DutyRecord:
        duty = DutyRecord(item, item.number, item.text)
        duty.add("lead", lead_written, lead)
        self.add_cooperation(duty)
        return duty

    # Co-leads and cooperating departments -----------------------------------------

    def add_cooperation(self, duty: DutyRecord):
        for trigger in COOPERATION_TRIGGER_RE.finditer(duty.text):
            names, end = self.read_name_list(duty.text, trigger.end())
            role = "co-lead" if trigger.group() == "会同" and duty.text.startswith("牵头", end) else "cooperating"
            for written in names:
                duty.add(role, written, self.registry.resolve(written) if self.registry.sector_of(written) else None)

    def read_name_list(self, text: str, position: int) -> tuple[list[str], int]:
        """Read 'X、Y和Z等部门' from `position`; return the names and where the list ends."""
        names = []
        while True:
            if match := GENERIC_BODIES_RE.match(text, position):
                position = match.end()
            elif (match := self.list_item_re.match(text, position)) and self.is_complete_name(text, match):
                names.append(match.group())
                position = match.end()
            elif match := OUTSIDE_BODY_RE.match(text, position):
                names.append(match.group())
                position = match.end()
            else:
                break
            if separator := LIST_SEPARATOR_RE.match(text, position):
                position = separator.end()
                continue
            break
        return names, LIST_END_RE.match(text, position).end()

    @staticmethod
    def is_complete_name(text: str, match: re.Match) -> bool:
        """A bare stem ('住建') counts only inside a list; '环保产业' is not a body."""
        if re.search(rf"(?:{_ORGAN}|部门|机关|人民法院|人民检察院)$", match.group()):
            return True
        return text[match.end() : match.end() + 1] in ("、", "和", "等")
