"""Every write of the duty data: editions (the lists as they change), list imports, and record corrections.

Each service checks what it is asked against the data, writes in one transaction and records itself in the
audit trail (duties/audit.py) in that transaction; the admin, the commands and the forms call these and hold
no rules of their own.
"""

from duties.services.editions import (
    DutyDraft,
    EditionPlan,
    PlannedChange,
    RoleDraft,
    edition_plan,
    edition_publish,
    roles_of,
)
from duties.services.list_import import (
    ImportPreview,
    KeptFile,
    list_import_file_forget,
    list_import_file_keep,
    list_import_file_read,
    list_import_preview,
    list_import_publish,
)
from duties.services.records import inline_records_save, is_history, may_correct, record_delete, record_save

__all__ = [
    "DutyDraft",
    "EditionPlan",
    "ImportPreview",
    "KeptFile",
    "PlannedChange",
    "RoleDraft",
    "edition_plan",
    "edition_publish",
    "inline_records_save",
    "is_history",
    "list_import_file_forget",
    "list_import_file_keep",
    "list_import_file_read",
    "list_import_preview",
    "list_import_publish",
    "may_correct",
    "record_delete",
    "record_save",
    "roles_of",
]
