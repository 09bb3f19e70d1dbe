"""Every write of a draft's rows: open a draft from the list in force, add, edit, remove and reorder rows in the
web form, or replace them all from a spreadsheet checked by the import's own preview."""

from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from duties.audit import AuditEntry, audit_entry_record, changed_fields
from duties.services import ImportPreview, list_import_preview
from duties.spreadsheet import list_rows, read_table
from listdrafts import permissions
from listdrafts.checking import FIELD_OF_COLUMN, ROW_FIELDS
from listdrafts.models import DraftRow, DraftStep, ListDraft
from listdrafts.services.common import claim_version, deny_unless, step_record
from reports.rules import today_in_china

DRAFT_EXISTS = _("本部门已有一份尚未公开的清单草稿，请在其中继续编制。")
NOT_KEY_DUTY_DEPARTMENT = _("该部门不在承担重要生态环境保护职责的部门之列，文件未要求它公开具体事项清单。")
UNKNOWN_ROW = _("这一行不在这份清单中（可能已被删除）。")
CANNOT_MOVE = _("这一行已在最前（或最后），不能再移动。")
FILE_HAS_ERRORS = _("表格有错误，清单草稿未改动：请按下面的提示修改后重新上传。")


@dataclass(frozen=True)
class RowInput:
    """One row as the web form writes it: names as written, several separated by “；”."""

    number: str = ""
    text: str = ""
    lead: str = ""
    co_lead: str = ""
    cooperating: str = ""
    source_document: str = ""
    source_provision: str = ""


def _rows_from_cells(draft: ListDraft, cells: list[dict[str, str]]) -> list[DraftRow]:
    rows = []
    for position, cell in enumerate(cells, start=1):
        values = {field: cell.get(column, "") for column, field in FIELD_OF_COLUMN.items()}
        values["lineage"] = int(values["lineage"]) if str(values["lineage"]).isdigit() else None
        rows.append(DraftRow(draft=draft, position=position, **values))
    return rows


@transaction.atomic
def list_draft_create(*, user, department) -> ListDraft:
    """Open a draft of `department`'s list, its rows those of the list in force today (none for a list typed anew)."""
    deny_unless(permissions.can_create(user, department))
    if not department.bears_key_duties:
        raise ValidationError(NOT_KEY_DUTY_DEPARTMENT)
    if ListDraft.objects.open().filter(department=department).exists():
        raise ValidationError(DRAFT_EXISTS)
    draft = ListDraft(department=department, updated_by=user)
    draft.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():  # a concurrent create loses here
            draft.save()
    except IntegrityError:
        raise ValidationError(DRAFT_EXISTS) from None
    in_force = list_rows(department.jurisdiction, department, today_in_china())
    DraftRow.objects.bulk_create(_rows_from_cells(draft, in_force))
    step_record(draft, user=user, step=DraftStep.Step.CREATED)
    return draft


def _row_of(draft: ListDraft, row_id: int) -> DraftRow:
    row = draft.rows.filter(pk=row_id).first()
    if row is None:
        raise ValidationError(UNKNOWN_ROW)
    return row


@transaction.atomic
def draft_row_save(*, draft: ListDraft, user, expected_version: int, values: RowInput, row_id: int | None = None):
    """Write one row (a new one at the end when `row_id` is None); the whole list is checked on submission."""
    deny_unless(permissions.is_staff_of(user, draft.department))
    draft = claim_version(draft, user=user, expected_version=expected_version)
    if row_id is None:
        last = draft.rows.order_by("-position").values_list("position", flat=True).first() or 0
        row, before = DraftRow(draft=draft, position=last + 1), {}
    else:
        row = _row_of(draft, row_id)
        before = {field: getattr(row, field) for field in ROW_FIELDS}
    for field, value in asdict(values).items():
        setattr(row, field, value.strip())
    row.full_clean()
    row.save()
    after = {field: getattr(row, field) for field in ROW_FIELDS}
    action = AuditEntry.Action.ADD if row_id is None else AuditEntry.Action.CHANGE
    audit_entry_record(user=user, action=action, obj=row, changes=changed_fields(before, after))
    return row


@transaction.atomic
def draft_row_remove(*, draft: ListDraft, user, expected_version: int, row_id: int) -> ListDraft:
    """Take a row off the draft (the duty leaves the list when it is published)."""
    deny_unless(permissions.is_staff_of(user, draft.department))
    draft = claim_version(draft, user=user, expected_version=expected_version)
    row = _row_of(draft, row_id)
    audit_entry_record(user=user, action=AuditEntry.Action.DELETE, obj=row)
    row.delete()
    return draft


@transaction.atomic
def draft_row_move(*, draft: ListDraft, user, expected_version: int, row_id: int, offset: int) -> ListDraft:
    """Move a row one place up (`offset` -1) or down (+1): it swaps places with its neighbour."""
    deny_unless(permissions.is_staff_of(user, draft.department))
    draft = claim_version(draft, user=user, expected_version=expected_version)
    row = _row_of(draft, row_id)
    neighbours = draft.rows.filter(position__lt=row.position).order_by("-position")
    if offset > 0:
        neighbours = draft.rows.filter(position__gt=row.position).order_by("position")
    neighbour = neighbours.first()
    if neighbour is None:
        raise ValidationError(CANNOT_MOVE)
    row.position, neighbour.position = neighbour.position, row.position
    DraftRow.objects.bulk_update([row, neighbour], ["position"])
    audit_entry_record(
        user=user, action=AuditEntry.Action.CHANGE, obj=row, changes={"position": [neighbour.position, row.position]}
    )
    return draft


@transaction.atomic
def list_draft_import(*, draft: ListDraft, user, expected_version: int, data: bytes, file_name: str) -> ImportPreview:
    """Replace the draft's rows with a spreadsheet in the template, checked by the import's preview first.

    A file with any error changes nothing: the preview is returned with its errors by row and column."""
    deny_unless(permissions.is_staff_of(user, draft.department))
    department = draft.department
    preview = list_import_preview(
        jurisdiction=department.jurisdiction,
        department=department,
        effective_on=today_in_china(),
        data=data,
        file_name=file_name,
    )
    if preview.errors:
        return preview
    draft = claim_version(draft, user=user, expected_version=expected_version)
    header, *cells = read_table(data)
    rows = [dict(zip(header, row, strict=False)) for row in cells if any(row)]
    draft.rows.all().delete()
    DraftRow.objects.bulk_create(_rows_from_cells(draft, rows))
    step_record(draft, user=user, step=DraftStep.Step.IMPORTED, comment=file_name[-80:])
    return preview
