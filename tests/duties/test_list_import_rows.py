"""The import's row checks: what a row must say for the duty to stay where the file puts it."""

import datetime

import pytest

from duties import services, spreadsheet
from duties.models import Department
from duties.services.list_rows import LEAD_EMPTY, LEAD_WITHOUT_DEPARTMENT
from duties.spreadsheet import CO_LEAD, COOPERATING, DEPARTMENT, LEAD

pytestmark = pytest.mark.django_db

EFFECTIVE = datetime.date(2026, 1, 1)


@pytest.fixture
def water():
    return Department.objects.select_related("jurisdiction").get(pk=360000010)


def preview(rows, jurisdiction, department=None):
    return services.list_import_preview(
        jurisdiction=jurisdiction,
        department=department,
        effective_on=EFFECTIVE,
        data=spreadsheet.write_csv(rows),
        file_name="list.csv",
    )


def errors_of(result):
    return {(error.row, error.column, error.message) for error in result.errors}


@pytest.mark.parametrize("scope", ["department", "jurisdiction"])
def test_a_row_without_a_lead_is_an_error_naming_its_row_and_column(water, scope):
    rows = spreadsheet.list_rows(water.jurisdiction, water)
    rows[2][LEAD], rows[2][CO_LEAD], rows[2][COOPERATING] = "", "省水利厅", "省林业局"
    result = preview(rows, water.jurisdiction, water if scope == "department" else None)
    assert (4, LEAD, LEAD_EMPTY) in errors_of(result)
    assert result.plan is None


def test_a_row_whose_leads_leave_out_its_department_is_an_error(water):
    rows = spreadsheet.list_rows(water.jurisdiction, None)
    index = next(i for i, row in enumerate(rows) if row[DEPARTMENT] == water.name)
    rows[index][LEAD] = "省林业局"  # the row still says it is 省水利厅's
    result = preview(rows, water.jurisdiction)
    assert errors_of(result) == {(index + 2, LEAD, LEAD_WITHOUT_DEPARTMENT % {"name": water.name})}


def test_a_department_that_co_leads_is_on_its_list(water):
    rows = spreadsheet.list_rows(water.jurisdiction, water)
    rows[0][LEAD], rows[0][CO_LEAD] = "省林业局", "省水利厅"
    result = preview(rows, water.jurisdiction, water)
    assert result.errors == [] and len(result.plan.changed) == 1


def test_a_duty_handed_over_leaves_its_department_cell_empty(water):
    rows = spreadsheet.list_rows(water.jurisdiction, water)
    rows[0][LEAD], rows[0][DEPARTMENT] = "省林业局", ""
    result = preview(rows, water.jurisdiction, water)
    assert result.errors == [] and len(result.plan.changed) == 1
