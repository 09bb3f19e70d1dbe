"""Check a draft list exactly as the spreadsheet import checks a file: the draft's rows are written as the
template (duties/spreadsheet.py) and read back by the import's preview (duties.services.list_import_preview), so
that a list prepared in the web form meets the same rules, with the same messages, as one uploaded.
"""

import datetime
from dataclasses import dataclass

from duties.services import ImportPreview, SourceDocument, list_import_preview
from duties.spreadsheet import (
    CO_LEAD,
    COOPERATING,
    DEPARTMENT,
    DOCUMENT,
    LEAD,
    LINEAGE,
    NUMBER,
    PROVISION,
    TEXT,
    RowError,
    write_csv,
)

FIRST_ROW = 2  # the template's header is row 1
ROW_FIELDS = ["lineage", "number", "text", "lead", "co_lead", "cooperating", "source_document", "source_provision"]
COLUMN_OF_FIELD = {
    "lineage": LINEAGE,
    "number": NUMBER,
    "text": TEXT,
    "lead": LEAD,
    "co_lead": CO_LEAD,
    "cooperating": COOPERATING,
    "source_document": DOCUMENT,
    "source_provision": PROVISION,
}
FIELD_OF_COLUMN = {column: field for field, column in COLUMN_OF_FIELD.items()}


def row_values(row) -> dict:
    """A draft row (a DraftRow, or a round's stored row) as a dict of its fields, with its key."""
    if isinstance(row, dict):
        return row
    return {"key": row.pk, **{field: getattr(row, field) for field in ROW_FIELDS}}


def template_rows(department, rows) -> list[dict[str, str]]:
    """The rows as the template's cells: each on `department`'s list, so that a row it does not lead is caught."""
    cells = []
    for row in map(row_values, rows):
        cell = {column: str(row[field] or "") for field, column in COLUMN_OF_FIELD.items()}
        cell[DEPARTMENT] = department.name
        cells.append(cell)
    return cells


@dataclass
class DraftCheck:
    """The preview of a draft's rows: errors by row key (None: the list as a whole), and the edition's plan."""

    preview: ImportPreview
    keys: list  # the row key of each file row, in order

    def key_of(self, error: RowError):
        index = error.row - FIRST_ROW
        return self.keys[index] if 0 <= index < len(self.keys) else None

    @property
    def errors(self) -> list[RowError]:
        return self.preview.errors

    def errors_by_row(self) -> dict:
        by_row = {}
        for error in self.preview.errors:
            by_row.setdefault(self.key_of(error), []).append(error)
        return by_row

    @property
    def general_errors(self) -> list[RowError]:
        return self.errors_by_row().get(None, [])

    @property
    def plan(self):
        return self.preview.plan

    @property
    def has_changes(self) -> bool:
        return self.preview.plan is not None and self.preview.plan.has_changes


def draft_file(draft, rows) -> tuple[bytes, str]:
    """The draft's rows as the template's CSV file, and its name."""
    department = draft.department
    return write_csv(template_rows(department, rows)), f"{department.slug}-list-draft-{draft.pk}.csv"


def draft_check(draft, rows, *, effective_on: datetime.date, source: SourceDocument | None = None) -> DraftCheck:
    """Preview `rows` of `draft` as its department's new edition on `effective_on`; write nothing."""
    rows = [row_values(row) for row in rows]
    data, file_name = draft_file(draft, rows)
    department = draft.department
    preview = list_import_preview(
        jurisdiction=department.jurisdiction,
        department=department,
        effective_on=effective_on,
        data=data,
        file_name=file_name,
        source=source,
    )
    return DraftCheck(preview=preview, keys=[row["key"] for row in rows])
