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

from django.conf import settings

from duties import selectors
from duties.models import Department, DutyItem, DutyRole
from spreadsheets import TEXT_PREFIX, reading, starts_like_formula
from spreadsheets.reading import FileError, Limits, RowError  # noqa: F401 (the import's errors, read here)

LINEAGE, DEPARTMENT, NUMBER, TEXT = "事项标识", "部门", "编号", "事项内容"
LEAD, CO_LEAD, COOPERATING = "牵头部门", "会同牵头部门", "配合部门"
DOCUMENT, PROVISION = "来源文件", "出处条款"
COLUMNS = [LINEAGE, DEPARTMENT, NUMBER, TEXT, LEAD, CO_LEAD, COOPERATING, DOCUMENT, PROVISION]
ROLE_COLUMNS = {LEAD: DutyRole.Role.LEAD, CO_LEAD: DutyRole.Role.CO_LEAD, COOPERATING: DutyRole.Role.COOPERATING}
COLUMN_OF_ROLE = {role: column for column, role in ROLE_COLUMNS.items()}
NAME_SEPARATOR = "；"
_NAME_SPLIT = re.compile(r"[；;\r\n]+")
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
    """UTF-8 with a BOM, so that Excel opens the Chinese text correctly; no cell opens as a formula."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({column: escape_cell(text) for column, text in row.items()} for row in rows)
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def escape_cell(text: str) -> str:
    """The template's CSV cell for `text`: an apostrophe before a text that would run as a formula, or that
    starts with an apostrophe itself, so that reading the file back (`unescape_cell`) gives exactly `text`."""
    if starts_like_formula(text) or text.startswith(TEXT_PREFIX):
        return TEXT_PREFIX + text
    return text


def unescape_cell(text: str) -> str:
    """Undo `escape_cell`: a CSV cell that starts with an apostrophe is the text after it."""
    return text[len(TEXT_PREFIX) :] if text.startswith(TEXT_PREFIX) else text


def write_xlsx(rows: list[dict[str, str]]) -> bytes:
    """The first sheet holds the list; every cell is a text cell (data type 's'), which no program evaluates."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([row[column] for column in COLUMNS])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if cell.data_type != "s":  # openpyxl makes a text starting with "=" a formula
                cell.data_type = "s"
            if starts_like_formula(cell.value or ""):
                cell.quotePrefix = True  # and Excel keeps it a text when it is edited
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


def read_table(data: bytes) -> list[list[str]]:
    """The file's rows as lists of cell texts (XLSX by its content, a zip; else UTF-8 CSV), exactly as exported.

    Strict (spreadsheets/reading.py): an unclosed quote, a broken workbook, a header below row 1 or a list on
    another sheet is a `FileError` naming its row and column; the row limit is enforced while reading.
    """
    limits = Limits(max_bytes=settings.DUTY_IMPORT_MAX_BYTES, max_rows=settings.DUTY_IMPORT_MAX_ROWS)
    rows, is_csv = reading.read_table(data, limits=limits, header=COLUMNS)
    if is_csv:
        rows = [[unescape_cell(cell) for cell in row] for row in rows]
    return rows


# Names -------------------------------------------------------------------------------------


def split_names(cell: str) -> list[str]:
    if not cell:
        return []
    return [name.strip() for name in _NAME_SPLIT.split(cell) if name.strip()]


# Preview and import --------------------------------------------------------------------------
