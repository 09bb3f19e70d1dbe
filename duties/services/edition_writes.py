"""Write a planned edition in bulk: its document and rows, the ended and the new versions, their roles, the audit.

A list of 20,000 duties is a few dozen inserts of a thousand rows each, not 20,000 saves and audit entries
one by one: every id is known before anything is written (duties/services/ids.py), so that the versions, their
roles and their provisions go in together, with their search columns computed as they are built, and the
audit trail keeps one entry per version as before.
"""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from duties import search_index
from duties.audit import AuditEntry, audit_rows_record
from duties.bulk_rows import batched, rows_insert
from duties.models import Department, Document, DutyItem, DutyRole, Edition, Provision
from duties.services import ids
from duties.services.progress import Steps

DOCUMENT_NOT_IN_JURISDICTION = _("所选文件不属于该行政区。")
DOCUMENT_HAS_PROVISIONS = _(
    "所选文件已有条款（或已是另一个清单版本的文件）：请选只登记了标题、文号和日期的文件，或填写新文件。"
)


@dataclass(frozen=True)
class SourceDocument:
    """The document an edition's list comes from, as its keeper names it; or one already in the records."""

    title: str = ""
    doc_number: str = ""
    issued_on: datetime.date | None = None
    existing: Document | None = None


def source_document_errors(source: SourceDocument, jurisdiction) -> list[str]:
    """Why an existing document cannot hold an edition's rows: another jurisdiction's, or one with provisions."""
    document = source.existing
    if document is None:
        return []
    if document.jurisdiction_id != jurisdiction.pk:
        return [str(DOCUMENT_NOT_IN_JURISDICTION)]
    if document.provisions.exists() or Edition.objects.filter(document=document).exists():
        return [str(DOCUMENT_HAS_PROVISIONS)]
    return []


def edition_document_write(edition, plan, source: SourceDocument, file_name: str, file_sha256: str):
    """The edition's document: the source the keeper named (or picked), its rows the edition's file, one each.

    Returns the document and each row's normalised text (its provision's search text: the versions reuse it)."""
    if source.existing is not None:
        document = source.existing
    else:
        issued = source.issued_on
        document = Document(
            pk=ids.document_ids(plan.jurisdiction.pk).next_free(Document, plan.jurisdiction.pk),
            jurisdiction=plan.jurisdiction,
            title=source.title or edition.basis,
            doc_number=source.doc_number,
            issued_year=issued.year if issued else None,
            issued_month=issued.month if issued else None,
            issued_day=issued.day if issued else None,
            source_file=f"editions/{edition.pk}/{file_name}"[:100],
            source_sha256=file_sha256,
            assigns_duties=True,
            position=_next_position(plan.jurisdiction),
        )
        document.search_title, document.search_text = search_index.document_search_columns(document)
        document.save(force_insert=True)
    heading = Provision._meta.get_field("heading").get_default()
    rows, row_texts = [], {}
    for index, draft in enumerate(sorted(plan.drafts, key=lambda draft: draft.row), start=1):
        search_columns = search_index.provision_search_columns_of(heading, draft.text)
        row_texts[draft.row] = search_columns[1]
        # As printed: a number of digits shows as "1."; any other style (一、 (一) 第十条 1.) as written.
        kind = Provision.Kind.ITEM if not draft.number or draft.number.isdigit() else Provision.Kind.PARAGRAPH
        pk = ids.edition_row_id(document.pk, index)
        place = (index, f"row-{draft.row}", draft.row, draft.row)  # position, anchor, line_start, line_end
        rows.append((pk, document.pk, kind, draft.number, index, heading, draft.text, *place, *search_columns))
    rows_insert(Provision, PROVISION_COLUMNS, rows)
    return document, row_texts


PROVISION_COLUMNS = ["id", "document", "kind", "number", "ordinal", "heading", "text", "position", "anchor"]
PROVISION_COLUMNS += ["line_start", "line_end", "search_title", "search_text"]


def _next_position(jurisdiction) -> int:
    last = Document.objects.filter(jurisdiction=jurisdiction).order_by("-position").values_list("position", flat=True)
    return (last.first() or 0) + 1


def versions_end(plan, edition) -> Steps[list[DutyItem]]:
    """End the versions the edition changes or removes (`valid_until`, `ended_by`), a thousand at a time."""
    ended = [old for old, _draft in plan.changed] + plan.removed
    done = 0
    for chunk in batched([version.pk for version in ended]):
        DutyItem.objects.filter(pk__in=chunk).update(valid_until=plan.effective_on, ended_by=edition)
        done += len(chunk)
        yield "end", done, len(ended)
    return ended


@dataclass(frozen=True)
class StartedVersion:
    """A version the edition starts, as the audit trail names it."""

    pk: int
    lineage: int
    name: str


VERSION_COLUMNS = ["id", "lineage", "document", "provision", "wording", "number", "text", "position"]
VERSION_COLUMNS += ["valid_from", "edition", "search_title", "search_text"]
ROLE_COLUMNS = ["id", "duty", "role", "department", "name_as_written", "position"]


def versions_start(plan, edition, document: Document, row_texts: dict[int, str]) -> Steps[list[StartedVersion]]:
    """Insert the new versions and their roles, a thousand at a time: a changed duty keeps its lineage, source
    and place; an added one is its file row. Each version's id is its row's provision's."""
    row_ids = {
        draft.row: ids.edition_row_id(document.pk, index)
        for index, draft in enumerate(sorted(plan.drafts, key=lambda draft: draft.row), start=1)
    }
    leads = _LeadNames(plan.drafts)
    starting = [(draft, old) for old, draft in plan.changed] + [(draft, None) for draft in plan.added]
    started, done = [], 0
    for chunk in batched(starting):
        versions, roles = [], []
        for draft, old in chunk:
            pk = row_ids[draft.row]
            row = _version_row(draft, edition, pk, source=old, document=document)
            title, text = search_index.duty_search_columns_of(
                draft.text, leads.roles(draft), text_columns=row_texts[draft.row]
            )
            versions.append((*row, title, text))
            roles.extend(_role_rows(pk, draft))
            started.append(StartedVersion(pk, row[1], DutyItem.name_of(draft.number, draft.text)))
        rows_insert(DutyItem, VERSION_COLUMNS, versions)
        rows_insert(DutyRole, ROLE_COLUMNS, roles)
        done += len(chunk)
        yield "start", done, len(starting)
    return started


class _LeadNames:
    """The drafts' roles as the search title reads them (each with its department), built once per set."""

    def __init__(self, drafts):
        self.departments = Department.objects.in_bulk(
            {role.department_id for draft in drafts for role in draft.roles if role.department_id}
        )
        self.seen = {}

    def roles(self, draft) -> list[SimpleNamespace]:
        if (roles := self.seen.get(draft.roles)) is None:
            roles = self.seen[draft.roles] = [
                SimpleNamespace(
                    role=role.role,
                    name_as_written=role.name_as_written,
                    department=self.departments.get(role.department_id),
                )
                for role in draft.roles
            ]
        return roles


def _version_row(draft, edition, pk: int, *, source: DutyItem | None, document) -> tuple:
    """A changed duty's new version keeps its source and place; an added one is its row, or the provision the
    row cites (free, as the plan checked), its wording in the row. The values of VERSION_COLUMNS but the last two."""
    if source is not None:
        document_id, provision_id, position, lineage = source.document_id, source.provision_id, source.position, None
    elif draft.source is not None:
        (document_id, provision_id, position), lineage = draft.source, pk
    else:
        document_id, provision_id, position, lineage = document.pk, pk, draft.row, pk
    wording = pk if provision_id != pk else None
    lineage = lineage or source.lineage
    dated = (edition.effective_on, edition.pk)
    return (pk, lineage, document_id, provision_id, wording, draft.number, draft.text, position, *dated)


def _role_rows(pk: int, draft) -> list[tuple]:
    if len(draft.roles) >= 100:
        raise ValidationError(_("第 %(row)s 行写了太多部门（最多 99 个）。") % {"row": draft.row})
    return [
        (pk * 100 + position, pk, role.role, role.department_id, role.name_as_written, position - 1)
        for position, role in enumerate(draft.roles, start=1)
    ]


def edition_audit_write(plan, edition, started, *, user, reason: str, differences) -> None:
    """One entry per new version (a changed one with its differences), per removed version and for the edition."""
    changes_of = {old.lineage: differences(old, draft) for old, draft in plan.changed}

    def rows():
        ended = {"valid_until": [None, plan.effective_on]}
        for version in plan.removed:
            yield AuditEntry.Action.CHANGE, DutyItem, version.pk, str(version), ended
        for version in started:
            yield AuditEntry.Action.ADD, DutyItem, version.pk, version.name, changes_of.get(version.lineage, {})
        yield AuditEntry.Action.ADD, Edition, edition.pk, str(edition), {}

    audit_rows_record(user=user, reason=reason, rows=rows())
