"""Read an uploaded table (UTF-8 CSV or XLSX) strictly: every cell as written, or one error naming its row and column.

Nothing is guessed: an unclosed quote, a truncated or hostile workbook (entity definitions are refused by
defusedxml, which openpyxl uses when it is installed), a formula without its value, a header below row 1
or a table on another sheet than the first are errors, not a table read differently from what its author
sees. The row limit is enforced while reading, so a file of a million empty rows costs no more than the limit.
"""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

XLSX_MAGIC = b"PK\x03\x04"
HEADER_SEARCH_ROWS = 10  # a header further down than this is not looked for
UNPACKED_PER_PACKED = 40  # an XLSX unpacking to more than this many times the size limit is refused

EMPTY = _("文件是空的。")
TOO_LARGE = _("文件不能超过 %(size)s MB。")
TOO_MANY_ROWS = _("一次最多导入 %(rows)s 行：读到第 %(row)s 行已超出，未导入任何内容。")
NOT_A_TABLE = _("这不是 CSV 或 XLSX 文件。")
NOT_UTF8 = _("第 %(line)s 行不是 UTF-8 编码的文字。请在表格软件中另存为“CSV UTF-8”或 XLSX 后再导入。")
UNCLOSED_QUOTE = _(
    "这一格的引号没有闭合（从文件第 %(line)s 行起），其后的内容都会并进这一格："
    "请检查这一格的引号（格内的引号要写两次）。"
)
SWALLOWED_ROWS = _("这一格跨了 %(lines)s 行，其中有像表格行的内容：可能是前面的引号没有闭合。")
BAD_CSV = _("CSV 格式有误（从文件第 %(line)s 行起）：%(error)s")
BROKEN_XLSX = _("无法读取这个 XLSX 文件（文件不完整或已损坏）：请用表格软件重新保存后再试。")
HOSTILE_XLSX = _("这个 XLSX 文件含有 XML 实体定义或外部引用，为安全起见不予读取：请用表格软件另存后再试。")
FORMULA_CELL = _("这一格是公式（%(formula)s）：导入只读文字，请先“粘贴为数值”。")
HEADER_NOT_ON_ROW_1 = _("表头应在第 1 行：这个文件的表头在第 %(row)s 行，请删去它上面的行。")
TABLE_ON_OTHER_SHEET = _("清单在工作表“%(sheet)s”上：导入只读第一个工作表（“%(first)s”），请把清单移到第一个。")


@dataclass(frozen=True)
class RowError:
    row: int  # 0: the file as a whole
    column: str
    message: str

    def __str__(self):
        where = _("第 %(row)s 行") % {"row": self.row} if self.row else _("文件")
        return f"{where}{'「' + self.column + '」' if self.column else ''}：{self.message}"


class FileError(Exception):
    """The file cannot be read as a table at all; `error` says where and why."""

    def __init__(self, message, row=0, column=""):
        super().__init__(message)
        self.error = RowError(row, column, message)


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_rows: int  # rows besides the header; blank rows count too, beyond as many again


def read_table(data: bytes, *, limits: Limits, header: list[str]) -> tuple[list[list[str]], bool]:
    """The file's rows as lists of cell texts, and whether it is a CSV (whose cells may carry an escape).

    `header` is the template's columns: a file whose first row is not its header, but a later row (or
    another sheet's) is, gets an error saying so.
    """
    if not data.strip():
        raise FileError(EMPTY)
    if len(data) > limits.max_bytes:
        raise FileError(TOO_LARGE % {"size": limits.max_bytes // 2**20})
    if data.startswith(XLSX_MAGIC):
        rows = _read_xlsx(data, limits, header)
    else:
        rows = _limited(_csv_rows(_csv_text(data), header), limits)
    _check_header_row(rows, header)
    return rows, not data.startswith(XLSX_MAGIC)


def _limited(rows: Iterator[list[str]], limits: Limits) -> list[list[str]]:
    """Read rows up to the limit and stop there: a file beyond it is refused without being read to its end."""
    table, filled = [], 0
    for number, row in enumerate(rows, start=1):
        filled += any(row) and number > 1
        if filled > limits.max_rows or number > 2 * limits.max_rows + 1:
            raise FileError(TOO_MANY_ROWS % {"rows": limits.max_rows, "row": number}, row=number)
        table.append(row)
    return table


def _header_of(row: list[str], header: list[str]) -> bool:
    """Whether a row reads as the template's header (most of its columns), not as a row of data."""
    return len(set(row) & set(header)) >= min(3, len(header))


def _check_header_row(rows: list[list[str]], header: list[str]) -> None:
    if not rows or _header_of(rows[0], header):
        return
    for number, row in enumerate(rows[1:HEADER_SEARCH_ROWS], start=2):
        if _header_of(row, header):
            raise FileError(HEADER_NOT_ON_ROW_1 % {"row": number}, row=number)


# CSV -----------------------------------------------------------------------------------------


def _csv_text(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileError(NOT_UTF8 % {"line": line}, row=line) from None
    if "\x00" in text:
        raise FileError(NOT_A_TABLE)
    return text


def _csv_rows(text: str, header: list[str]) -> Iterator[list[str]]:
    """Each record (a row as a spreadsheet shows it, whatever lines its cells span), strictly parsed."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    columns: list[str] = []
    number = 0
    while True:
        first_line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _quote_error(text, first_line, number + 1, columns, error) from None
        number += 1
        columns = columns or record
        cells = [cell.strip() for cell in record]
        _check_cells(cells, number, columns, reader.line_num - first_line + 1, header)
        yield cells


def column_name(columns: list[str], index: int) -> str:
    if index < len(columns) and columns[index]:
        return columns[index]
    return _("第 %(index)s 列") % {"index": index + 1}


def _quote_error(text: str, first_line: int, number: int, columns: list[str], error: csv.Error) -> FileError:
    """Where a record the parser could not close starts: its row, and the cell whose quote opened it."""
    lines = text.splitlines()
    line = lines[first_line - 1] if first_line <= len(lines) else ""
    column = column_name(columns, _unclosed_cell(line))
    if "end of data" in str(error) or "expected after" in str(error):
        return FileError(UNCLOSED_QUOTE % {"line": first_line}, row=number, column=column)
    return FileError(BAD_CSV % {"line": first_line, "error": error}, row=number, column=column)


def _unclosed_cell(line: str) -> int:
    """The index of the cell of `line` whose quote is still open at its end (or is followed by text)."""
    index, quoted, field_start, closed = 0, False, True, False
    position = 0
    while position < len(line):
        char = line[position]
        if quoted:
            if char == '"' and line[position + 1 : position + 2] == '"':
                position += 1  # a doubled quote inside a quoted cell
            elif char == '"':
                quoted, closed = False, True
        elif char == ",":
            index, field_start, closed = index + 1, True, False
        elif char == '"' and field_start:
            quoted = True
        elif closed and not char.isspace():
            return index  # text after a closing quote
        if char != ",":
            field_start = False
        position += 1
    return index


def _check_cells(cells: list[str], number: int, columns: list[str], lines: int, header: list[str]) -> None:
    """A record over several lines whose cells hold whole rows of the table: a quote left open."""
    if lines > 2:
        for index, cell in enumerate(cells):
            if any(line.count(",") >= len(header) - 1 for line in cell.splitlines()[1:]):
                raise FileError(SWALLOWED_ROWS % {"lines": lines}, row=number, column=column_name(columns, index))


# XLSX ----------------------------------------------------------------------------------------


def _read_xlsx(data: bytes, limits: Limits, header: list[str]) -> list[list[str]]:
    import openpyxl

    if not openpyxl.DEFUSEDXML:  # never parse an uploaded workbook with the unguarded XML parser
        raise FileError(HOSTILE_XLSX)
    _check_archive(data, limits)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except FileError:
        raise
    except Exception as error:  # openpyxl reports a broken file in many ways
        raise _xlsx_error(error) from None
    try:
        first = workbook.worksheets[0]
        first.reset_dimensions()  # rows as long as their cells, whatever size the sheet claims
        rows = _limited(_xlsx_rows(first), limits)
        if not any(_header_of(row, header) for row in rows[:HEADER_SEARCH_ROWS]):
            _look_on_other_sheets(workbook, first.title, header)
        return rows
    except FileError:
        raise
    except Exception as error:  # a part that is truncated or hostile shows only while it is read
        raise _xlsx_error(error) from None
    finally:
        workbook.close()


def _check_archive(data: bytes, limits: Limits) -> None:
    """A workbook is a zip: refuse one that is truncated, or that would unpack to far more than its size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileError(BROKEN_XLSX) from None
    if unpacked > UNPACKED_PER_PACKED * limits.max_bytes:
        raise FileError(TOO_LARGE % {"size": limits.max_bytes // 2**20})


def _xlsx_error(error: BaseException | None) -> FileError:
    """What went wrong, from the error openpyxl raised or the one it wraps (`__cause__`)."""
    from defusedxml import DefusedXmlException

    while error is not None:
        if isinstance(error, DefusedXmlException):
            return FileError(HOSTILE_XLSX)
        error = error.__cause__ or error.__context__
    return FileError(BROKEN_XLSX)


def _xlsx_rows(sheet) -> Iterator[list[str]]:
    columns: list[str] = []
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        row = []
        for index, cell in enumerate(cells):
            if cell.data_type == "f":
                formula = str(cell.value)[:40]
                column = column_name(columns, index)
                raise FileError(FORMULA_CELL % {"formula": formula}, row=number, column=column)
            row.append(_cell_text(cell.value))
        columns = columns or row
        yield row


def _look_on_other_sheets(workbook, first: str, header: list[str]) -> None:
    for sheet in workbook.worksheets[1:]:
        for row in sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True):
            if _header_of([_cell_text(value) for value in row], header):
                raise FileError(TABLE_ON_OTHER_SHEET % {"sheet": sheet.title, "first": first})


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number typed into a cell: 3, not 3.0
    if isinstance(value, datetime.datetime | datetime.date):
        value = value.isoformat()
    return str(value).strip()
