"""Every write of the duty data: editions (the lists as they change), list imports, and record corrections.

Each service checks what it is asked against the data, writes in one transaction and records itself in the
audit trail (duties/audit.py) in that transaction; the admin, the commands and the forms call these and hold
no rules of their own.
"""

from duties.services.edition_writes import SourceDocument
from duties.services.editions import (
    DutyDraft,
    EditionPlan,
    PlannedChange,
    RoleDraft,
    edition_plan,
    edition_publish,
    edition_publish_steps,
    roles_of,
)
from duties.services.list_import import (
    ImportPreview,
    KeptFile,
    list_import_file_forget,
    list_import_file_keep,
    list_import_file_read,
    list_import_files_expire,
    list_import_preview,
    list_import_preview_steps,
    list_import_publish,
    list_import_publish_steps,
)
from duties.services.progress import no_progress
from duties.services.records import inline_records_save, is_history, may_correct, record_delete, record_save

__all__ = [
    "DutyDraft",
    "EditionPlan",
    "ImportPreview",
    "KeptFile",
    "PlannedChange",
    "RoleDraft",
    "SourceDocument",
    "edition_plan",
    "edition_publish",
    "edition_publish_steps",
    "inline_records_save",
    "is_history",
    "list_import_file_forget",
    "list_import_file_keep",
    "list_import_file_read",
    "list_import_files_expire",
    "list_import_preview",
    "list_import_preview_steps",
    "list_import_publish",
    "list_import_publish_steps",
    "may_correct",
    "no_progress",
    "record_delete",
    "record_save",
    "roles_of",
]
