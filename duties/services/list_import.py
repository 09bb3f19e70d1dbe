"""Import a duty list from the spreadsheet template: read it, check every row, preview the edition, publish it.

A file with any error writes nothing; the preview names every error by row and column, and every cell it
cannot apply as written (a source cited for a duty that keeps its own) as a notice. The file is kept
server-side between the preview and the confirmation, which publishes exactly the previewed file (its SHA-256).
"""

import datetime
import hashlib
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from duties.models import Department, Jurisdiction
from duties.services.edition_writes import SourceDocument, source_document_errors
from duties.services.editions import EditionPlan, edition_plan, edition_publish_steps
from duties.services.list_rows import rows_read
from duties.services.progress import Progress, Steps, no_progress, run
from duties.spreadsheet import DEPARTMENT, DOCUMENT, PROVISION, FileError, RowError, read_table


@dataclass
class ImportPreview:
    """What a file would do to a list: every error with its row and column, or the edition's plan and notices."""

    jurisdiction: Jurisdiction
    department: Department | None
    effective_on: datetime.date
    file_name: str
    file_sha256: str
    source: SourceDocument = field(default_factory=SourceDocument)
    errors: list[RowError] = field(default_factory=list)
    notices: list[RowError] = field(default_factory=list)  # what the file says that the edition will not apply
    plan: EditionPlan | None = None

    @property
    def can_publish(self) -> bool:
        return not self.errors and self.plan is not None and self.plan.has_changes


DEPARTMENT_NOT_IN_JURISDICTION = _("部门不属于该行政区。")
SOURCE_KEPT = _("写的是“%(written)s”，未采用：已有事项保留它的出处“%(kept)s”。")
SOURCE_IS_ROW = _(
    "写的是“%(written)s”，未采用（不是这个行政区的一个条款，或那个条款已有现行事项）："
    "新增事项的出处是本次导入文件的第 %(row)s 行。"
)
FILE_HAS_ERRORS = _("文件有错误，未导入任何内容。")
NOTHING_TO_PUBLISH = _("文件与现行清单相同，没有可发布的改动。")
KEPT_FILES = "list-imports/"
KEPT_FOR = datetime.timedelta(hours=1)  # between a preview and its confirmation (README)


def list_import_preview(
    *,
    jurisdiction: Jurisdiction,
    department: Department | None,
    effective_on: datetime.date,
    data: bytes,
    file_name: str,
    source: SourceDocument | None = None,
    progress: Progress = no_progress,
) -> ImportPreview:
    """Read `data` as the list's new edition and compare it with the list in force; write nothing."""
    steps = list_import_preview_steps(
        jurisdiction=jurisdiction,
        department=department,
        effective_on=effective_on,
        data=data,
        file_name=file_name,
        source=source,
    )
    return run(steps, progress)


def list_import_preview_steps(
    *, jurisdiction, department, effective_on, data: bytes, file_name: str, source: SourceDocument | None = None
) -> Steps[ImportPreview]:
    """`list_import_preview` as steps: reading the file, checking its rows a thousand at a time, the plan."""
    source = source or SourceDocument()
    preview = ImportPreview(
        jurisdiction, department, effective_on, file_name, hashlib.sha256(data).hexdigest(), source=source
    )
    if department is not None and department.jurisdiction_id != jurisdiction.pk:
        preview.errors.append(RowError(0, DEPARTMENT, DEPARTMENT_NOT_IN_JURISDICTION))
        return preview
    preview.errors.extend(RowError(0, "", message) for message in source_document_errors(source, jurisdiction))
    yield "read", 0, len(data)
    try:
        table = read_table(data)
    except FileError as error:
        preview.errors.append(error.error)
        return preview
    yield "check", 0, len(table) - 1
    rows = yield from rows_read(table, preview)
    preview.errors.extend(rows.errors)
    if preview.errors:
        return preview
    yield "plan", 0, len(rows.drafts)
    try:
        preview.plan = edition_plan(
            jurisdiction=jurisdiction, department=department, effective_on=effective_on, drafts=rows.drafts
        )
    except ValidationError as error:
        preview.errors.extend(RowError(0, "", message) for message in error.messages)
        return preview
    preview.notices = _notices(preview.plan, rows.cited)
    return preview


def _notices(plan: EditionPlan, cited: dict[int, tuple[str, str]]) -> list[RowError]:
    """The sources rows cite that the edition does not apply: a duty in force keeps its own; a new one whose
    cited provision is unknown or taken is its row of the file."""
    notices = []
    for version, draft in sorted(plan.unchanged + plan.changed, key=lambda pair: pair[1].row):
        kept = (version.document_title, version.provision_anchor)  # read with the plan (edition_plan)
        for column, written, own in zip((DOCUMENT, PROVISION), cited[draft.row], kept, strict=True):
            if written and written != own:
                notices.append(RowError(draft.row, column, SOURCE_KEPT % {"written": written, "kept": own}))
    for draft in plan.added:
        document, provision = cited[draft.row]
        if (document or provision) and draft.source is None:
            written = "、".join(filter(None, [document, provision]))
            notices.append(RowError(draft.row, DOCUMENT, SOURCE_IS_ROW % {"written": written, "row": draft.row}))
    return sorted(notices, key=lambda notice: notice.row)


def list_import_publish(*, preview: ImportPreview, basis: str, summary: str = "", user=None, progress=no_progress):
    """Publish a previewed file as a new edition; refuse if it has errors or changes nothing."""
    return run(list_import_publish_steps(preview=preview, basis=basis, summary=summary, user=user), progress)


def list_import_publish_steps(*, preview: ImportPreview, basis: str, summary: str = "", user=None) -> Steps:
    """`list_import_publish` as steps (those of `edition_publish_steps`)."""
    if preview.errors:
        raise ValidationError(FILE_HAS_ERRORS)
    if not preview.can_publish:
        raise ValidationError(NOTHING_TO_PUBLISH)
    return (
        yield from edition_publish_steps(
            plan=preview.plan,
            basis=basis,
            summary=summary,
            user=user,
            file_name=preview.file_name,
            file_sha256=preview.file_sha256,
            source=preview.source,
        )
    )


@dataclass(frozen=True)
class KeptFile:
    """An uploaded list kept server-side between its preview and its confirmation."""

    name: str  # in the media storage
    sha256: str
    file_name: str  # as uploaded


def list_import_file_keep(*, data: bytes, file_name: str) -> KeptFile:
    """Keep an uploaded file for the confirmation (deleted when it is published, or after the hour)."""
    list_import_files_expire()
    name = default_storage.save(f"{KEPT_FILES}{uuid.uuid4().hex}", ContentFile(data))
    return KeptFile(name=name, sha256=hashlib.sha256(data).hexdigest(), file_name=file_name[-80:])


def list_import_file_read(kept: KeptFile) -> bytes | None:
    """The kept file's bytes, or None when it is gone or no longer the file that was previewed."""
    if not default_storage.exists(kept.name):
        return None
    with default_storage.open(kept.name) as stored:
        data = stored.read(settings.DUTY_IMPORT_MAX_BYTES + 1)
    return data if hashlib.sha256(data).hexdigest() == kept.sha256 else None


def list_import_file_forget(kept: KeptFile) -> None:
    default_storage.delete(kept.name)


def list_import_files_expire(*, now: datetime.datetime | None = None) -> int:
    """Delete the kept files nobody confirmed within the hour; safe to run at any time, and twice at once."""
    cutoff = (now or timezone.now()) - KEPT_FOR
    try:
        _folders, names = default_storage.listdir(KEPT_FILES)
    except FileNotFoundError:
        return 0
    deleted = 0
    for name in names:
        path = f"{KEPT_FILES}{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                deleted += 1
        except FileNotFoundError:  # another clean-up came first
            continue
    return deleted
