"""Read the rows of a list in the spreadsheet template into an edition's drafts, checking each row.

Every problem is an error with its row and column (README: "The spreadsheet template"); what a row says that
the import cannot apply is a notice the preview shows (`duties/services/list_import.py`), never dropped.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from duties import selectors
from duties.models import DutyItem, DutyRole, Provision
from duties.services.editions import DutyDraft, RoleDraft
from duties.services.progress import Steps
from duties.spreadsheet import (
    CO_LEAD,
    COLUMNS,
    COOPERATING,
    DEPARTMENT,
    DOCUMENT,
    LEAD,
    LINEAGE,
    NUMBER,
    PROVISION,
    ROLE_COLUMNS,
    TEXT,
    RowError,
    split_names,
)
from spreadsheets.reading import column_name

# A file without these columns is not the template; the others may be left out (a list typed anew has no
# 事项标识, and may name no source).
REQUIRED_COLUMNS = [NUMBER, TEXT, LEAD]
OPTIONAL_COLUMNS = [LINEAGE, DEPARTMENT, CO_LEAD, COOPERATING, DOCUMENT, PROVISION]
NUMBER_MAX_LENGTH = DutyItem._meta.get_field("number").max_length

MISSING_COLUMNS = _("缺少列：%(columns)s。")
UNKNOWN_COLUMNS = _("模板中没有这些列：%(columns)s。")
CELL_WITHOUT_COLUMN = _("这一格不在模板的任何一列下（表头上方为空）：它的内容不会被导入，请删去或移到正确的列。")
LINEAGE_NOT_A_NUMBER = _("事项标识应为数字（导出文件中的值）；新增事项留空。")
LINEAGE_NOT_ON_LIST = _("事项标识 %(id)s 不在这份清单中；新增事项请留空。")
LINEAGE_REPEATED = _("事项标识与第 %(row)s 行重复。")
TEXT_EMPTY = _("事项内容为空。")
NUMBER_REPEATED = _("编号“%(number)s”与第 %(row)s 行重复。")
NUMBER_TOO_LONG = _("编号最长 %(length)s 个字（照印的写，如“一、”“（三）”“第十条”“1.”）。")
UNKNOWN_NAME = _("没有名为“%(name)s”的部门：请用已收录部门的全称、简称或清单中的写法。")
UNKNOWN_DEPARTMENT = _("没有名为“%(name)s”的部门。")
OTHER_DEPARTMENTS_ROW = _("这是%(department)s的清单，本行写的是“%(name)s”。")
LEAD_EMPTY = _("牵头部门为空：每个事项都要有牵头部门。")
LEAD_WITHOUT_DEPARTMENT = _(
    "本行的部门“%(name)s”不在牵头部门或会同牵头部门中，事项会从它的清单上消失："
    "请把它写进牵头部门，或改写“部门”列（移交给其他部门时留空）。"
)
TOO_MANY_NAMES = _("一行最多写 99 个部门。")


@dataclass
class FileRows:
    """A file's drafts, with the source each row cites (来源文件, 出处条款), and every error found."""

    drafts: list[DutyDraft] = field(default_factory=list)
    cited: dict[int, tuple[str, str]] = field(default_factory=dict)  # row → (来源文件, 出处条款) as written
    errors: list[RowError] = field(default_factory=list)


def rows_read(table: list[list[str]], preview) -> Steps[FileRows]:
    """Check the header, then each row; a blank line between rows is skipped."""
    result = FileRows()
    header, *rows = table
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    unknown = [column for column in header if column and column not in COLUMNS]
    if missing:
        result.errors.append(RowError(1, "", MISSING_COLUMNS % {"columns": "、".join(missing)}))
    if unknown:
        result.errors.append(RowError(1, "", UNKNOWN_COLUMNS % {"columns": "、".join(unknown)}))
    if missing or unknown:
        return result
    index = {column: header.index(column) for column in COLUMNS if column in header}
    cited = {(_cell(cells, index.get(DOCUMENT)), _cell(cells, index.get(PROVISION))) for cells in rows}
    reader = _RowReader(preview, result.errors, cited - {("", "")})
    for row_number, cells in enumerate(rows, start=2):
        for position, text in enumerate(cells):
            if text and (position >= len(header) or not header[position]):
                result.errors.append(RowError(row_number, column_name(header, position), CELL_WITHOUT_COLUMN))
        if any(cells):
            cell = {column: _cell(cells, index.get(column)) for column in COLUMNS}
            result.drafts.append(reader.draft(row_number, cell))
            result.cited[row_number] = (cell[DOCUMENT], cell[PROVISION])
        if row_number % 1000 == 0:
            yield "check", row_number - 1, len(rows)
    return result


def _cell(cells: list[str], position: int | None) -> str:
    """A row's cell in a column (empty when the file has no such column, or the row stops before it)."""
    return cells[position] if position is not None and position < len(cells) else ""


class _RowReader:
    """Check each row of one file against the list in force and the other rows; collect its errors."""

    def __init__(self, preview, errors: list[RowError], cited: set[tuple[str, str]]):
        self.preview, self.errors = preview, errors
        self.names = selectors.DepartmentNames(preview.jurisdiction)
        self.in_force = set(
            selectors.list_versions(preview.jurisdiction, preview.department)
            .as_of(preview.effective_on)
            .values_list("lineage", flat=True)
        )
        self.provisions = self._provisions(preview.jurisdiction, cited)
        documents = {document_id for found in self.provisions.values() for _pk, document_id, *_rest in found}
        # Where each cited provision's duty stands in its list (its latest version's place).
        self.places = dict(
            DutyItem.objects.filter(document__jurisdiction=preview.jurisdiction, provision__document__in=documents)
            .order_by("pk")
            .values_list("provision_id", "position")
        )
        self.seen_lineages, self.seen_numbers = {}, {}

    @staticmethod
    def _provisions(jurisdiction, cited: set[tuple[str, str]]) -> dict[tuple[str, str], list[tuple]]:
        """The jurisdiction's provisions the file cites, by (来源文件, 出处条款): not every edition's rows."""
        provisions = {}
        if not cited:
            return provisions
        titles = {title for title, _anchor in cited}  # a few documents, however many rows cite them
        for title, anchor, pk, document_id, parent_id, position in Provision.objects.filter(
            document__jurisdiction=jurisdiction, document__title__in=titles
        ).values_list("document__title", "anchor", "pk", "document_id", "parent_id", "position"):
            if (title, anchor) in cited:
                provisions.setdefault((title, anchor), []).append((pk, document_id, parent_id, position))
        return provisions

    def draft(self, row: int, cell: dict[str, str]) -> DutyDraft:
        self.row = row
        lineage = self._lineage(cell[LINEAGE])
        if not cell[TEXT]:
            self._error(TEXT, TEXT_EMPTY)
        owner = self._owner(cell[DEPARTMENT])
        cited = self.provisions.get((cell[DOCUMENT], cell[PROVISION]), [])
        if len(cell[NUMBER]) > NUMBER_MAX_LENGTH:
            self._error(NUMBER, NUMBER_TOO_LONG % {"length": NUMBER_MAX_LENGTH})
        elif cell[NUMBER]:
            # The documents number each part from one: a number repeats only across parts.
            key = (owner, cited[0][2] if len(cited) == 1 else None, cell[NUMBER])
            if (first := self.seen_numbers.setdefault(key, row)) != row:
                self._error(NUMBER, NUMBER_REPEATED % {"number": cell[NUMBER], "row": first})
        roles = self._roles(cell)
        self._check_leads(cell, roles, owner)
        if owner is None:
            owner = next((r.department_id for r in roles if r.role in DutyRole.LEADING and r.department_id), None)
        source = None
        if len(cited) == 1:  # a title and anchor that name one provision of the jurisdiction
            pk, document_id, _parent, position = cited[0]
            source = (document_id, pk, self.places.get(pk, position))
        return DutyDraft(lineage, cell[NUMBER], cell[TEXT], tuple(roles), row, owner_id=owner, source=source)

    def _roles(self, cell: dict[str, str]) -> list[RoleDraft]:
        roles = []
        for column, role in ROLE_COLUMNS.items():
            for name in split_names(cell[column]):
                known, department_id = self.names.resolve(name)
                if not known:
                    self._error(column, UNKNOWN_NAME % {"name": name})
                roles.append(RoleDraft(role, department_id, name))
        if len(roles) > 99:
            self._error(COOPERATING, TOO_MANY_NAMES)
        return roles

    def _check_leads(self, cell: dict[str, str], roles: list[RoleDraft], owner: int | None) -> None:
        """Every duty has a lead; the row's department, when written, leads it (else it leaves that list)."""
        if not any(role.role == DutyRole.Role.LEAD for role in roles):
            self._error(LEAD, LEAD_EMPTY)
        leading = {role.department_id for role in roles if role.role in DutyRole.LEADING}
        if cell[DEPARTMENT] and owner is not None and owner not in leading:
            self._error(LEAD, LEAD_WITHOUT_DEPARTMENT % {"name": cell[DEPARTMENT]})

    def _error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.row, column, message))

    def _lineage(self, value: str) -> int | None:
        if not value:
            return None
        if not value.isdigit():
            self._error(LINEAGE, LINEAGE_NOT_A_NUMBER)
        elif int(value) not in self.in_force:
            self._error(LINEAGE, LINEAGE_NOT_ON_LIST % {"id": value})
        elif (first := self.seen_lineages.setdefault(int(value), self.row)) != self.row:
            self._error(LINEAGE, LINEAGE_REPEATED % {"row": first})
        else:
            return int(value)
        return None

    def _owner(self, name: str) -> int | None:
        """The department whose list the row is on, as the duplicate-number check groups rows."""
        department = self.preview.department
        if not name:
            return department.pk if department is not None else None
        _known, department_id = self.names.resolve(name)
        if department_id is None:
            self._error(DEPARTMENT, UNKNOWN_DEPARTMENT % {"name": name})
        elif department is not None and department_id != department.pk:
            self._error(DEPARTMENT, OTHER_DEPARTMENTS_ROW % {"department": department, "name": name})
        return department_id
