"""No export lets a cell run as a formula (CSV injection), and the template still reads back exactly."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from duties import services, spreadsheet
from duties.models import Department, DutyItem
from duties.spreadsheet import COLUMNS, TEXT
from spreadsheets import formula_guarded

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://example.invalid","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "'已有撇号", "''两个"]


def test_only_texts_that_would_run_are_guarded():
    assert [formula_guarded(text) for text in HOSTILE[:5]] == ["'" + text for text in HOSTILE[:5]]
    assert formula_guarded("生态环境") == "生态环境" and formula_guarded("'已有撇号") == "'已有撇号"
    assert formula_guarded(-3) == -3 and formula_guarded(None) is None


@pytest.fixture
def hostile_list():
    """江西省水利厅's list with duty texts a spreadsheet would run as formulas."""
    water = Department.objects.select_related("jurisdiction").get(pk=360000010)
    duties = list(spreadsheet.list_rows(water.jurisdiction, water))
    for row, text in zip(duties, HOSTILE, strict=False):
        DutyItem.objects.filter(pk=int(row[spreadsheet.LINEAGE])).update(text=text)
    return water


def raw_csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_template_csv_guards_formulas_and_reads_back_exactly(hostile_list):
    water = hostile_list
    rows = spreadsheet.list_rows(water.jurisdiction, water)
    data = spreadsheet.write_csv(rows)
    texts = [cells[COLUMNS.index(TEXT)] for cells in raw_csv_cells(data)[1:]]
    assert all(text.startswith("'") for text in texts[: len(HOSTILE)])
    header, *read = spreadsheet.read_table(data)
    assert [dict(zip(header, cells, strict=True)) for cells in read] == rows
    result = services.list_import_preview(
        jurisdiction=water.jurisdiction,
        department=water,
        effective_on=datetime.date(2026, 1, 1),
        data=data,
        file_name="water.csv",
    )
    assert result.errors == [] and not result.plan.has_changes


def test_the_template_xlsx_writes_every_cell_as_text_and_reads_back_exactly(hostile_list):
    water = hostile_list
    # Cells are read without the spaces around them (a typed " 省水利厅" is 省水利厅): no leading tab here.
    DutyItem.objects.filter(text=HOSTILE[4]).update(text=HOSTILE[4].lstrip())
    rows = spreadsheet.list_rows(water.jurisdiction, water)
    data = spreadsheet.write_xlsx(rows)
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    types = {cell.data_type for cells in sheet.iter_rows(min_row=2) for cell in cells if cell.value}
    assert types == {"s"}
    assert sheet.cell(row=2, column=COLUMNS.index(TEXT) + 1).value == HOSTILE[0]  # the text, not an escape
    header, *read = spreadsheet.read_table(data)
    assert [dict(zip(header, cells, strict=True)) for cells in read] == rows


def test_the_page_downloads_are_guarded_too(client, hostile_list):
    body = client.get("/jiangxi/departments/shui-li-ting/duties.csv").content
    texts = [cells[COLUMNS.index(TEXT)] for cells in raw_csv_cells(body)[1:]]
    assert texts[0] == "'" + HOSTILE[0]


def test_the_api_csv_guards_every_text_cell(client):
    Department.objects.filter(pk=360000010).update(short_name='=HYPERLINK("http://example.invalid")')
    response = client.get("/api/v1/departments/", {"province": "jiangxi", "format": "csv"})
    rows = raw_csv_cells(response.content)
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://example.invalid")' in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    duties = raw_csv_cells(client.get("/api/v1/duties/", {"province": "jiangxi", "format": "csv"}).content)
    assert not any(cell.startswith(("=", "+", "@", "-")) for row in duties for cell in row)
