"""Every write of a department's draft list: its rows (drafting.py) and its way to publication (review.py)."""

from listdrafts.services.common import NOT_ALLOWED, NOT_EDITABLE, STALE_VERSION, StaleVersion
from listdrafts.services.drafting import (
    RowInput,
    draft_row_move,
    draft_row_remove,
    draft_row_save,
    list_draft_create,
    list_draft_import,
)
from listdrafts.services.review import (
    list_draft_approval_record,
    list_draft_approve,
    list_draft_publish,
    list_draft_return,
    list_draft_submit,
    provenance,
)

__all__ = [
    "NOT_ALLOWED",
    "NOT_EDITABLE",
    "STALE_VERSION",
    "RowInput",
    "StaleVersion",
    "draft_row_move",
    "draft_row_remove",
    "draft_row_save",
    "list_draft_approval_record",
    "list_draft_approve",
    "list_draft_create",
    "list_draft_import",
    "list_draft_publish",
    "list_draft_return",
    "list_draft_submit",
    "provenance",
]
