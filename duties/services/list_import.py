"""Import a duty list from the spreadsheet template: read it, check every row, preview the edition, publish it.

A file with any error writes nothing; the preview names every error by row and column. The file is kept
server-side between the preview and the confirmation, which publishes exactly the previewed file (its SHA-256).
"""

import datetime
import hashlib
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from duties import selectors
from duties.models import Department, DutyRole, Jurisdiction, Provision
from duties.services.editions import DutyDraft, EditionPlan, RoleDraft, edition_plan, edition_publish
from duties.spreadsheet import (
    COLUMNS,
    DEPARTMENT,
    DOCUMENT,
    LEAD,
    LINEAGE,
    NUMBER,
    PROVISION,
    ROLE_COLUMNS,
    TEXT,
    FileError,
    RowError,
    read_table,
    split_names,
)
from spreadsheets.reading import column_name


@dataclass
class ImportPreview:
    """What a file would do to a list: every error with its row and column, or the edition's plan."""

    jurisdiction: Jurisdiction
    department: Department | None
    effective_on: datetime.date
    file_name: str
    file_sha256: str
    errors: list[RowError] = field(default_factory=list)
    plan: EditionPlan | None = None

    @property
    def can_publish(self) -> bool:
        return not self.errors and self.plan is not None and self.plan.has_changes


DEPARTMENT_NOT_IN_JURISDICTION = _("部门不属于该行政区。")
MISSING_COLUMNS = _("缺少列：%(columns)s。")
UNKNOWN_COLUMNS = _("模板中没有这些列：%(columns)s。")
CELL_WITHOUT_COLUMN = _("这一格不在模板的任何一列下（表头上方为空）：它的内容不会被导入，请删去或移到正确的列。")
LINEAGE_NOT_A_NUMBER = _("事项标识应为数字（导出文件中的值）；新增事项留空。")
LINEAGE_NOT_ON_LIST = _("事项标识 %(id)s 不在这份清单中；新增事项请留空。")
LINEAGE_REPEATED = _("事项标识与第 %(row)s 行重复。")
TEXT_EMPTY = _("事项内容为空。")
NUMBER_REPEATED = _("编号“%(number)s”与第 %(row)s 行重复。")
UNKNOWN_NAME = _("没有名为“%(name)s”的部门：请用已收录部门的全称、简称或清单中的写法。")
UNKNOWN_DEPARTMENT = _("没有名为“%(name)s”的部门。")
OTHER_DEPARTMENTS_ROW = _("这是%(department)s的清单，本行写的是“%(name)s”。")
LEAD_EMPTY = _("牵头部门为空：每个事项都要有牵头部门。")
LEAD_WITHOUT_DEPARTMENT = _(
    "本行的部门“%(name)s”不在牵头部门或会同牵头部门中，事项会从它的清单上消失："
    "请把它写进牵头部门，或改写“部门”列（移交给其他部门时留空）。"
)
FILE_HAS_ERRORS = _("文件有错误，未导入任何内容。")
NOTHING_TO_PUBLISH = _("文件与现行清单相同，没有可发布的改动。")
KEPT_FILES = "list-imports/"


def list_import_preview(
    *,
    jurisdiction: Jurisdiction,
    department: Department | None,
    effective_on: datetime.date,
    data: bytes,
    file_name: str,
) -> ImportPreview:
    """Read `data` as the list's new edition and compare it with the list in force; write nothing."""
    preview = ImportPreview(jurisdiction, department, effective_on, file_name, hashlib.sha256(data).hexdigest())
    if department is not None and department.jurisdiction_id != jurisdiction.pk:
        preview.errors.append(RowError(0, DEPARTMENT, DEPARTMENT_NOT_IN_JURISDICTION))
        return preview
    try:
        table = read_table(data)
    except FileError as error:
        preview.errors.append(error.error)
        return preview
    drafts = _drafts(table, preview)
    if preview.errors:
        return preview
    try:
        preview.plan = edition_plan(
            jurisdiction=jurisdiction, department=department, effective_on=effective_on, drafts=drafts
        )
    except ValidationError as error:
        preview.errors.extend(RowError(0, "", message) for message in error.messages)
    return preview


def _drafts(table: list[list[str]], preview: ImportPreview) -> list[DutyDraft]:
    header, *rows = table
    missing = [column for column in COLUMNS if column not in header]
    unknown = [column for column in header if column and column not in COLUMNS]
    if missing:
        preview.errors.append(RowError(1, "", MISSING_COLUMNS % {"columns": "、".join(missing)}))
    if unknown:
        preview.errors.append(RowError(1, "", UNKNOWN_COLUMNS % {"columns": "、".join(unknown)}))
    if missing or unknown:
        return []
    index = {column: header.index(column) for column in COLUMNS}
    reader = _RowReader(preview)
    drafts = []
    for row_number, cells in enumerate(rows, start=2):
        for position, text in enumerate(cells):
            if text and (position >= len(header) or not header[position]):
                column = column_name(header, position)
                preview.errors.append(RowError(row_number, column, CELL_WITHOUT_COLUMN))
        cells = cells + [""] * (len(header) - len(cells))
        if any(cells):  # a blank line between rows is skipped
            drafts.append(reader.draft(row_number, {column: cells[index[column]] for column in COLUMNS}))
    return drafts


class _RowReader:
    """Check each row of one file against the list in force and the other rows; collect its errors."""

    def __init__(self, preview: ImportPreview):
        self.preview = preview
        self.names = selectors.DepartmentNames(preview.jurisdiction)
        self.in_force = set(
            selectors.list_versions(preview.jurisdiction, preview.department)
            .as_of(preview.effective_on)
            .values_list("lineage", flat=True)
        )
        self.sections = {
            (title, anchor): parent_id
            for title, anchor, parent_id in Provision.objects.filter(
                document__jurisdiction=preview.jurisdiction
            ).values_list("document__title", "anchor", "parent_id")
        }
        self.seen_lineages, self.seen_numbers = {}, {}

    def draft(self, row: int, cell: dict[str, str]) -> DutyDraft:
        self.row = row
        lineage = self._lineage(cell[LINEAGE])
        if not cell[TEXT]:
            self._error(TEXT, TEXT_EMPTY)
        owner = self._owner(cell[DEPARTMENT])
        if cell[NUMBER]:
            # The documents number each part from one: a number repeats only across parts.
            key = (owner, self.sections.get((cell[DOCUMENT], cell[PROVISION])), cell[NUMBER])
            if (first := self.seen_numbers.setdefault(key, row)) != row:
                self._error(NUMBER, NUMBER_REPEATED % {"number": cell[NUMBER], "row": first})
        roles = self._roles(cell)
        self._check_leads(cell, roles, owner)
        return DutyDraft(lineage, cell[NUMBER], cell[TEXT], tuple(roles), row)

    def _roles(self, cell: dict[str, str]) -> list[RoleDraft]:
        roles = []
        for column, role in ROLE_COLUMNS.items():
            for name in split_names(cell[column]):
                known, department_id = self.names.resolve(name)
                if not known:
                    self._error(column, UNKNOWN_NAME % {"name": name})
                roles.append(RoleDraft(role, department_id, name))
        return roles

    def _check_leads(self, cell: dict[str, str], roles: list[RoleDraft], owner: int | None) -> None:
        """Every duty has a lead; the row's department, when written, leads it (else it leaves that list)."""
        if not any(role.role == DutyRole.Role.LEAD for role in roles):
            self._error(LEAD, LEAD_EMPTY)
        leading = {role.department_id for role in roles if role.role in DutyRole.LEADING}
        if cell[DEPARTMENT] and owner is not None and owner not in leading:
            self._error(LEAD, LEAD_WITHOUT_DEPARTMENT % {"name": cell[DEPARTMENT]})

    def _error(self, column: str, message: str) -> None:
        self.preview.errors.append(RowError(self.row, column, message))

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


def list_import_publish(*, preview: ImportPreview, basis: str, summary: str = "", user=None):
    """Publish a previewed file as a new edition; refuse if it has errors or changes nothing."""
    if preview.errors:
        raise ValidationError(FILE_HAS_ERRORS)
    if not preview.can_publish:
        raise ValidationError(NOTHING_TO_PUBLISH)
    edition = edition_publish(
        plan=preview.plan,
        basis=basis,
        summary=summary,
        user=user,
        file_name=preview.file_name,
        file_sha256=preview.file_sha256,
    )
    return edition


@dataclass(frozen=True)
class KeptFile:
    """An uploaded list kept server-side between its preview and its confirmation."""

    name: str  # in the media storage
    sha256: str
    file_name: str  # as uploaded


def list_import_file_keep(*, data: bytes, file_name: str) -> KeptFile:
    """Keep an uploaded file for the confirmation (deleted when it is published, or after settings' hour)."""
    name = default_storage.save(f"{KEPT_FILES}{uuid.uuid4().hex}", ContentFile(data))
    return KeptFile(name=name, sha256=hashlib.sha256(data).hexdigest(), file_name=file_name[-80:])


def list_import_file_read(kept: KeptFile) -> bytes | None:
    """The kept file's bytes, or None when it is gone or no longer the file that was previewed."""
    if not default_storage.exists(kept.name):
        return None
    with default_storage.open(kept.name) as stored:
        data = stored.read(settings.DUTY_IMPORT_MAX_BYTES + 1)
    return data if hashlib.sha256(data).hexdigest() == kept.sha256 else None


def list_import_file_forget(kept: KeptFile) -> None:
    default_storage.delete(kept.name)
