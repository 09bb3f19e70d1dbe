"""Strict reading: a file that cannot be read as its author sees it is one clear error naming its row and column."""

import datetime
import io
import time
import zipfile

import pytest
from openpyxl import Workbook

from duties import services, spreadsheet
from duties.models import Department
from duties.services.list_rows import CELL_WITHOUT_COLUMN
from duties.spreadsheet import COLUMNS, DEPARTMENT, TEXT, FileError
from spreadsheets import reading

pytestmark = pytest.mark.django_db

EFFECTIVE = datetime.date(2026, 1, 1)


@pytest.fixture
def water_rows():
    water = Department.objects.select_related("jurisdiction").get(pk=360000010)
    return spreadsheet.list_rows(water.jurisdiction, water)


def error_of(data: bytes):
    with pytest.raises(FileError) as raised:
        spreadsheet.read_table(data)
    return raised.value.error


def csv_lines(water_rows) -> list[str]:
    return spreadsheet.write_csv(water_rows).decode("utf-8-sig").split("\r\n")


def test_an_unclosed_quote_is_an_error_at_its_row_and_cell(water_rows):
    lines = csv_lines(water_rows)
    cells = lines[3].split(",")
    cells[COLUMNS.index(TEXT)] = '"' + cells[COLUMNS.index(TEXT)]  # the quote of row 4's text never closes
    lines[3] = ",".join(cells)
    error = error_of("\r\n".join(lines).encode())
    assert (error.row, error.column) == (4, TEXT)
    assert error.message == reading.UNCLOSED_QUOTE % {"line": 4}


def test_a_quote_closed_rows_later_is_an_error_too(water_rows):
    lines = csv_lines(water_rows)
    cells = lines[2].split(",")
    cells[COLUMNS.index(TEXT)] = '"' + cells[COLUMNS.index(TEXT)]
    lines[2] = ",".join(cells)
    cells = lines[5].split(",")
    cells[COLUMNS.index(DEPARTMENT)] += '"'  # a quote that closes row 3's, five lines later
    lines[5] = ",".join(cells)
    error = error_of("\r\n".join(lines).encode())
    assert (error.row, error.column) == (3, TEXT)
    assert error.message in (reading.UNCLOSED_QUOTE % {"line": 3}, reading.SWALLOWED_ROWS % {"lines": 4})


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_cells_beyond_the_header_are_an_error_not_dropped(water_rows, extension):
    rows = table(water_rows)
    rows[2] = [*rows[2], "备注：待核实"]
    data = workbook_bytes(("清单", rows)) if extension == "xlsx" else spreadsheet.write_csv(water_rows)
    if extension == "csv":
        lines = data.split(b"\r\n")
        lines[2] += ",备注：待核实".encode()
        data = b"\r\n".join(lines)
    water = Department.objects.select_related("jurisdiction").get(pk=360000010)
    result = services.list_import_preview(
        jurisdiction=water.jurisdiction, department=water, effective_on=EFFECTIVE, data=data, file_name=f"x.{extension}"
    )
    assert [(e.row, e.column, e.message) for e in result.errors] == [(3, "第 10 列", CELL_WITHOUT_COLUMN)]


def test_a_header_below_row_1_is_an_error_naming_its_row(water_rows):
    data = ("江西省水利厅生态环境保护具体事项清单\r\n\r\n").encode() + spreadsheet.write_csv(water_rows)[3:]
    error = error_of(data)
    assert error.row == 3 and error.message == reading.HEADER_NOT_ON_ROW_1 % {"row": 3}


def workbook_bytes(*sheets: tuple[str, list[list]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def table(water_rows) -> list[list[str]]:
    return [COLUMNS, *([row[column] for column in COLUMNS] for row in water_rows)]


def test_a_list_on_another_sheet_is_an_error_naming_the_sheet(water_rows):
    data = workbook_bytes(("填表说明", [["请在第二个工作表填写清单。"]]), ("清单", table(water_rows)))
    error = error_of(data)
    assert error.message == reading.TABLE_ON_OTHER_SHEET % {"sheet": "清单", "first": "填表说明"}


def test_a_header_below_row_1_of_a_workbook_is_an_error_too(water_rows):
    error = error_of(workbook_bytes(("清单", [["江西省水利厅清单"], *table(water_rows)])))
    assert error.row == 2 and error.message == reading.HEADER_NOT_ON_ROW_1 % {"row": 2}


def test_a_formula_without_its_value_is_an_error_at_its_cell(water_rows):
    rows = table(water_rows)
    rows[3][COLUMNS.index(DEPARTMENT)] = "=VLOOKUP(A4,部门!A:B,2,FALSE)"
    error = error_of(workbook_bytes(("清单", rows)))
    assert (error.row, error.column) == (4, DEPARTMENT) and "公式" in error.message


def rewritten(data: bytes, member: str, change) -> bytes:
    """The workbook with one of its parts changed (a valid zip around it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info.filename, change(content) if info.filename == member else content)
    return output.getvalue()


def test_a_truncated_workbook_is_an_error_not_a_crash(water_rows):
    data = spreadsheet.write_xlsx(water_rows)
    assert error_of(data[: len(data) // 2]).message == reading.BROKEN_XLSX
    cut_sheet = rewritten(data, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])
    assert error_of(cut_sheet).message == reading.BROKEN_XLSX


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_a_workbook_with_an_entity_bomb_is_refused(water_rows, member):
    def with_bomb(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[-1]
        return BOMB + body.replace(b"<t>", b"<t>&lol3;", 1) if b"<t>" in body else BOMB + body

    data = rewritten(spreadsheet.write_xlsx(water_rows), member, with_bomb)
    assert error_of(data).message == reading.HOSTILE_XLSX


def test_the_row_limit_is_enforced_while_reading(water_rows, settings):
    settings.DUTY_IMPORT_MAX_ROWS = 100
    header = spreadsheet.write_csv([]).rstrip(b"\r\n")
    started = time.monotonic()
    error = error_of(header + b"\r\n" + b"\r\n" * 1_500_000)  # a million and a half empty lines
    assert time.monotonic() - started < 2
    assert error.row == 202 and "一次最多导入 100 行" in error.message
    filled = spreadsheet.write_csv(water_rows * 17)  # 102 rows
    assert error_of(filled).row == 102
