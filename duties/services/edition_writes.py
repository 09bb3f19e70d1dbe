"""Write a planned edition in bulk: its document and rows, the ended and the new versions, their roles, the audit.

A list of 20,000 duties is a few dozen inserts of a thousand rows each, not 20,000 saves and audit entries
one by one: every id is known before anything is written (duties/services/ids.py), so that the versions, their
roles and their provisions go in together, with their search columns computed as they are built, and the
audit trail keeps one entry per version as before.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from duties import search_index
from duties.audit import AuditEntry, audit_entries_record
from duties.models import Department, Document, DutyItem, DutyRole, Edition, Provision
from duties.services import ids
from duties.services.progress import Steps

BATCH = 1000

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


def batched(items: Iterable, size: int = BATCH):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


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
    provisions = []
    for index, draft in enumerate(sorted(plan.drafts, key=lambda draft: draft.row), start=1):
        provision = Provision(
            pk=ids.edition_row_id(document.pk, index),
            document=document,
            # As printed: a number of digits shows as "1."; any other style (一、 (一) 第十条 1.) as written.
            kind=Provision.Kind.ITEM if not draft.number or draft.number.isdigit() else Provision.Kind.PARAGRAPH,
            number=draft.number,
            ordinal=index,
            text=draft.text,
            position=index,
            anchor=f"row-{draft.row}",
            line_start=draft.row,
            line_end=draft.row,
        )
        provision.search_title, provision.search_text = search_index.provision_search_columns(provision)
        provisions.append(provision)
    for chunk in batched(provisions):
        Provision.objects.bulk_create(chunk)
    return document, {provision.line_start: provision.search_text for provision in provisions}


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


def versions_start(plan, edition, document: Document, row_texts: dict[int, str]) -> Steps[list[DutyItem]]:
    """Insert the new versions and their roles: a changed duty keeps its lineage, source and place; an added
    one is its file row. Each version's id is its row's provision's."""
    row_ids = {
        draft.row: ids.edition_row_id(document.pk, index)
        for index, draft in enumerate(sorted(plan.drafts, key=lambda draft: draft.row), start=1)
    }
    departments = Department.objects.in_bulk(
        {role.department_id for draft in plan.drafts for role in draft.roles if role.department_id}
    )
    versions = []
    for old, draft in plan.changed:
        versions.append(_version(draft, edition, row_ids[draft.row], source=old))
    for draft in plan.added:
        versions.append(_version(draft, edition, row_ids[draft.row], document=document, cited=draft.source))
    drafts = [draft for _old, draft in plan.changed] + plan.added
    total, done = len(versions), 0
    for chunk in batched(zip(versions, drafts, strict=True)):
        roles = []
        for version, draft in chunk:
            version_roles = _roles(version, draft, departments)
            version.search_title, version.search_text = search_index.duty_search_columns_of(
                draft.text, version_roles, text_columns=row_texts[draft.row]
            )
            roles.extend(version_roles)
        DutyItem.objects.bulk_create([version for version, _draft in chunk])
        DutyRole.objects.bulk_create(roles)
        done += len(chunk)
        yield "start", done, total
    return versions


def _version(draft, edition, pk: int, *, source: DutyItem | None = None, document=None, cited=None) -> DutyItem:
    """A changed duty's new version keeps its source and place; an added one is its row, or the provision the
    row cites (free, as the plan checked), its wording in the row."""
    if source is not None:
        document_id, provision_id, position, lineage = source.document_id, source.provision_id, source.position, None
    elif cited is not None:
        (document_id, provision_id, position), lineage = cited, pk
    else:
        document_id, provision_id, position, lineage = document.pk, pk, draft.row, pk
    return DutyItem(
        pk=pk,
        lineage=lineage or source.lineage,
        document_id=document_id,
        provision_id=provision_id,
        wording_id=pk if provision_id != pk else None,
        number=draft.number,
        text=draft.text,
        position=position,
        valid_from=edition.effective_on,
        edition=edition,
    )


def _roles(version: DutyItem, draft, departments: dict) -> list[DutyRole]:
    if len(draft.roles) >= 100:
        raise ValidationError(_("第 %(row)s 行写了太多部门（最多 99 个）。") % {"row": draft.row})
    return [
        DutyRole(
            pk=version.pk * 100 + position,
            duty=version,
            role=role.role,
            department=departments.get(role.department_id),
            name_as_written=role.name_as_written,
            position=position - 1,
        )
        for position, role in enumerate(draft.roles, start=1)
    ]


def edition_audit_write(plan, edition, started, *, user, reason: str, differences) -> None:
    """One entry per new version (a changed one with its differences), per removed version and for the edition."""
    changes_of = {old.lineage: differences(old, draft) for old, draft in plan.changed}

    def entries():
        for version in plan.removed:
            yield AuditEntry.Action.CHANGE, version, {"valid_until": [None, plan.effective_on]}
        for version in started:
            yield AuditEntry.Action.ADD, version, changes_of.get(version.lineage, {})
        yield AuditEntry.Action.ADD, edition, {}

    audit_entries_record(user=user, reason=reason, entries=entries())
