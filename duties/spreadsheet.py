"""The duty-list template (CSV and XLSX): export any list, read an edited one back as an edition's rows.

One row per duty, with these columns (README: "The spreadsheet template"):

    事项标识  部门  编号  事项内容  牵头部门  会同牵头部门  配合部门  来源文件  出处条款

`事项标识` is the duty's lineage (empty for a new duty); the department cells hold names as
written, several separated by "；" (not "、": real names such as 各市(州)、县(市、区)政府 contain
it). A name is resolved in the list's jurisdiction: a department's name, short name or alias,
or a name already recorded for a department there; a name recorded before as a body outside
the records stays one. Any other name is an error, and so is any error in any row: a file
with errors writes nothing. `来源文件` and `出处条款` say where a duty comes from; an import
does not change them (a new wording's source is the imported file itself).
"""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from duties import selectors
from duties.models import Department, DutyItem, DutyRole

LINEAGE, DEPARTMENT, NUMBER, TEXT = "事项标识", "部门", "编号", "事项内容"
LEAD, CO_LEAD, COOPERATING = "牵头部门", "会同牵头部门", "配合部门"
DOCUMENT, PROVISION = "来源文件", "出处条款"
COLUMNS = [LINEAGE, DEPARTMENT, NUMBER, TEXT, LEAD, CO_LEAD, COOPERATING, DOCUMENT, PROVISION]
ROLE_COLUMNS = {LEAD: DutyRole.Role.LEAD, CO_LEAD: DutyRole.Role.CO_LEAD, COOPERATING: DutyRole.Role.COOPERATING}
COLUMN_OF_ROLE = {role: column for column, role in ROLE_COLUMNS.items()}
NAME_SEPARATOR = "；"
_NAME_SPLIT = re.compile(r"[；;\r\n]+")
XLSX_MAGIC = b"PK\x03\x04"
SHEET_TITLE = "具体事项清单"


# Export ------------------------------------------------------------------------------------


def list_rows(jurisdiction, department=None, day=None) -> list[dict[str, str]]:
    """The list in force on `day` (today) as template rows: column header → cell text."""
    return [_row_of(duty, department) for duty in selectors.list_duties(jurisdiction, department, day)]


def _row_of(duty: DutyItem, department: Department | None) -> dict[str, str]:
    names = {column: [] for column in ROLE_COLUMNS}
    owner = department
    for role in duty.roles.all():
        names[COLUMN_OF_ROLE[role.role]].append(role.name_as_written)
        if owner is None and role.role != DutyRole.Role.COOPERATING and role.department is not None:
            owner = role.department
    return {
        LINEAGE: str(duty.lineage),
        DEPARTMENT: owner.name if owner is not None else "",
        NUMBER: duty.number,
        TEXT: duty.text,
        **{column: NAME_SEPARATOR.join(values) for column, values in names.items()},
        DOCUMENT: duty.document.title,
        PROVISION: duty.provision.anchor,
    }


def write_csv(rows: list[dict[str, str]]) -> bytes:
    """UTF-8 with a BOM, so that Excel opens the Chinese text correctly."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def write_xlsx(rows: list[dict[str, str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([row[column] for column in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGHI", [14, 24, 8, 70, 24, 18, 24, 40, 16], strict=True):
        sheet.column_dimensions[letter].width = width
    for cells in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        cells[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def export_file_name(jurisdiction, department=None, day=None, extension="csv") -> str:
    scope = department.name if department is not None else jurisdiction.name
    return f"{scope}具体事项清单_{(day or datetime.date.today()):%Y-%m-%d}.{extension}"


# Reading a file ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    row: int  # 0: the file as a whole
    column: str
    message: str

    def __str__(self):
        where = _("第 %(row)s 行") % {"row": self.row} if self.row else _("文件")
        return f"{where}{'「' + self.column + '」' if self.column else ''}：{self.message}"


class FileError(Exception):
    """The file cannot be read as a table at all."""

    def __init__(self, message, row=0):
        super().__init__(message)
        self.error = RowError(row, "", message)


def read_table(data: bytes) -> list[list[str]]:
    """The file's rows as lists of cell texts: XLSX by its content (a zip), else UTF-8 CSV."""
    if not data.strip():
        raise FileError(_("文件是空的。"))
    if len(data) > settings.DUTY_IMPORT_MAX_BYTES:
        raise FileError(_("文件不能超过 %(size)s MB。") % {"size": settings.DUTY_IMPORT_MAX_BYTES // 2**20})
    rows = _read_xlsx(data) if data.startswith(XLSX_MAGIC) else _read_csv(data)
    if len(rows) > settings.DUTY_IMPORT_MAX_ROWS + 1:
        raise FileError(_("一次最多导入 %(rows)s 行。") % {"rows": settings.DUTY_IMPORT_MAX_ROWS})
    return rows


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileError(
            _("第 %(line)s 行不是 UTF-8 编码的文字。请在表格软件中另存为“CSV UTF-8”或 XLSX 后再导入。")
            % {"line": line},
            row=line,
        ) from None
    if "\x00" in text:
        raise FileError(_("这不是 CSV 或 XLSX 文件。"))
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as error:
        raise FileError(_("CSV 格式有误：%(error)s") % {"error": error}) from None


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise FileError(_("无法读取这个 XLSX 文件：请用表格软件重新保存后再试。")) from None
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number typed into a cell: 3, not 3.0
    if isinstance(value, datetime.datetime | datetime.date):
        value = value.isoformat()
    return str(value).strip()


# Names -------------------------------------------------------------------------------------


def split_names(cell: str) -> list[str]:
    return [name.strip() for name in _NAME_SPLIT.split(cell) if name.strip()]


# Preview and import --------------------------------------------------------------------------
