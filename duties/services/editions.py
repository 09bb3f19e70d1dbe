"""Publish dated editions of the duty lists: plan one against the list in force (the preview), then publish it.

An edition never edits a duty in place: it ends the version in force (`valid_until`, `ended_by`) and starts a
new one (`valid_from`, `edition`) that keeps the duty's `lineage`, so any past day can still be read
(`DutyItem.objects.as_of(day)`). What an edition changed is read back by duties/editions.py.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils.translation import gettext as _

from duties import search_index, selectors
from duties.audit import AuditEntry, audit_entry_record
from duties.editions import names_by_role, roles_diff, text_diff
from duties.models import Department, Document, DutyItem, DutyRole, Edition, Jurisdiction, Provision


@dataclass(frozen=True)
class RoleDraft:
    role: str
    department_id: int | None  # None: a body outside the records, kept as written
    name_as_written: str


@dataclass(frozen=True)
class DutyDraft:
    """One duty as the list reads after the edition: a row of the edition's file."""

    lineage: int | None  # None: a duty new in this edition
    number: str
    text: str
    roles: tuple[RoleDraft, ...]
    row: int  # the row of the file it was read from


ROLE_ORDER = {role: index for index, role in enumerate(DutyRole.Role.values)}


def roles_of(duty: DutyItem) -> tuple[RoleDraft, ...]:
    """A duty's departments, lead first, then co-lead, then cooperating, each in the order written."""
    roles = sorted(duty.roles.all(), key=lambda role: (ROLE_ORDER[role.role], role.position))
    return tuple(RoleDraft(role.role, role.department_id, role.name_as_written) for role in roles)


def same_duty(version: DutyItem, draft: DutyDraft) -> bool:
    return (version.number, version.text, roles_of(version)) == (draft.number, draft.text, draft.roles)


@dataclass
class EditionPlan:
    """What publishing an edition would do to the list in force on its effective date."""

    jurisdiction: Jurisdiction
    department: Department | None
    effective_on: datetime.date
    drafts: list[DutyDraft]
    added: list[DutyDraft] = field(default_factory=list)
    changed: list[tuple[DutyItem, DutyDraft]] = field(default_factory=list)
    removed: list[DutyItem] = field(default_factory=list)
    unchanged: list[tuple[DutyItem, DutyDraft]] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def planned_changes(self) -> "list[PlannedChange]":
        return [PlannedChange(version, draft) for version, draft in self.changed]


def edition_plan(
    *, jurisdiction: Jurisdiction, department: Department | None, effective_on: datetime.date, drafts: list[DutyDraft]
) -> EditionPlan:
    """Compare `drafts` with the list in force on `effective_on`; raise ValidationError if they cannot apply."""
    if department is not None and department.jurisdiction_id != jurisdiction.pk:
        raise ValidationError(_("部门不属于该行政区。"))
    later = Edition.objects.filter(jurisdiction=jurisdiction, effective_on__gt=effective_on).order_by("-effective_on")
    if latest := later.first():
        raise ValidationError(
            _("该行政区已有 %(date)s 生效的版本；新版本的生效日期不能早于它。") % {"date": latest.effective_on},
            code="effective_on",
        )
    in_force = {
        version.lineage: version
        for version in selectors.list_versions(jurisdiction, department)
        .as_of(effective_on)
        .prefetch_related(Prefetch("roles", queryset=DutyRole.objects.order_by("position")))
    }
    plan = EditionPlan(jurisdiction, department, effective_on, drafts)
    errors = []
    for draft in drafts:
        if draft.lineage is None:
            plan.added.append(draft)
            continue
        version = in_force.pop(draft.lineage, None)
        if version is None:
            errors.append(
                _("第 %(row)s 行：事项标识 %(id)s 不在这份清单中。") % {"row": draft.row, "id": draft.lineage}
            )
        elif same_duty(version, draft):
            plan.unchanged.append((version, draft))
        elif version.valid_from == effective_on:
            errors.append(
                _("第 %(row)s 行：该事项已由 %(date)s 生效的版本修订，同一天不能再次修订。")
                % {"row": draft.row, "date": effective_on}
            )
        else:
            plan.changed.append((version, draft))
    plan.removed = sorted(in_force.values(), key=lambda version: (version.document_id, version.position))
    if errors:
        raise ValidationError(errors)
    return plan


STALE_PLAN = _("清单在预览之后已有新版本：请重新预览。")


@transaction.atomic
def edition_publish(
    *, plan: EditionPlan, basis: str, summary: str = "", user=None, file_name: str, file_sha256: str
) -> Edition:
    """Write `plan` as a new edition: its file as a document (one provision per row), then the new versions."""
    # One edition of a jurisdiction at a time: a second import waits here, then finds its plan stale.
    Jurisdiction.objects.select_for_update().get(pk=plan.jurisdiction.pk)
    touched = [version.pk for version, _draft in plan.changed] + [version.pk for version in plan.removed]
    if (
        DutyItem.objects.filter(pk__in=touched, valid_until__isnull=False).exists()
        or Edition.objects.filter(jurisdiction=plan.jurisdiction, effective_on__gt=plan.effective_on).exists()
    ):
        raise ValidationError(STALE_PLAN, code="stale")
    edition = Edition.objects.create(
        jurisdiction=plan.jurisdiction,
        department=plan.department,
        effective_on=plan.effective_on,
        basis=basis,
        summary=summary,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    edition.document = _edition_document(edition, plan, file_name, file_sha256)
    edition.save(update_fields=["document"])
    reason = f"{basis}（{plan.effective_on:%Y-%m-%d} 生效）"
    _end_versions(plan, edition, user=user, reason=reason)
    new_versions = _start_versions(plan, edition, user=user, reason=reason)
    audit_entry_record(user=user, action=AuditEntry.Action.ADD, obj=edition, reason=reason)
    search_index.reindex_documents(Document.objects.filter(pk=edition.document_id))
    search_index.reindex_provisions(Provision.objects.filter(document=edition.document_id))
    search_index.reindex_duties(DutyItem.objects.filter(pk__in=[version.pk for version in new_versions]))
    transaction.on_commit(selectors.forget_cached_counts)
    return edition


def _end_versions(plan: EditionPlan, edition: Edition, *, user, reason: str) -> None:
    """End the versions the edition changes or removes; a removal is recorded as its end."""
    for version in [old for old, _draft in plan.changed] + plan.removed:
        version.valid_until, version.ended_by = plan.effective_on, edition
        version.save(update_fields=["valid_until", "ended_by"])
    for version in plan.removed:
        changes = {"valid_until": [None, plan.effective_on]}
        audit_entry_record(user=user, action=AuditEntry.Action.CHANGE, obj=version, reason=reason, changes=changes)


def _start_versions(plan: EditionPlan, edition: Edition, *, user, reason: str) -> list[DutyItem]:
    """Start the new versions: a changed duty keeps its lineage, source and place; an added one is its file row."""
    rows = {provision.line_start: provision for provision in edition.document.provisions.all()}
    new_versions = []
    for old, draft in plan.changed:
        new = _new_version(draft, edition, document=old.document, provision=old.provision, position=old.position)
        new.lineage, new.wording = old.lineage, rows[draft.row]
        new.save()
        _add_roles(new, draft)
        new_versions.append(new)
        changes = _differences(old, draft)
        audit_entry_record(user=user, action=AuditEntry.Action.ADD, obj=new, reason=reason, changes=changes)
    for draft in plan.added:
        provision = rows[draft.row]
        new = _new_version(draft, edition, document=edition.document, provision=provision, position=draft.row)
        new.save()
        _add_roles(new, draft)
        new_versions.append(new)
        audit_entry_record(user=user, action=AuditEntry.Action.ADD, obj=new, reason=reason)
    return new_versions


def _edition_document(edition, plan, file_name, file_sha256) -> Document:
    """The edition's file kept as a document: each row a provision, its row number its line."""
    position = Document.objects.filter(jurisdiction=plan.jurisdiction).aggregate(last=Max("position"))["last"]
    document = Document.objects.create(
        jurisdiction=plan.jurisdiction,
        title=edition.basis,
        source_file=f"editions/{edition.pk}/{file_name}"[:100],
        source_sha256=file_sha256,
        assigns_duties=True,
        position=(position or 0) + 1,
    )
    Provision.objects.bulk_create(
        Provision(
            document=document,
            kind=Provision.Kind.ITEM,
            number=draft.number,
            ordinal=index,
            text=draft.text,
            position=index,
            anchor=f"row-{draft.row}",
            line_start=draft.row,
            line_end=draft.row,
        )
        for index, draft in enumerate(sorted(plan.drafts, key=lambda draft: draft.row), start=1)
    )
    return document


def _new_version(draft, edition, *, document, provision, position) -> DutyItem:
    return DutyItem(
        document=document,
        provision=provision,
        number=draft.number,
        text=draft.text,
        position=position,
        valid_from=edition.effective_on,
        edition=edition,
    )


def _add_roles(duty, draft):
    DutyRole.objects.bulk_create(
        DutyRole(
            duty=duty,
            role=role.role,
            department_id=role.department_id,
            name_as_written=role.name_as_written,
            position=i,
        )
        for i, role in enumerate(draft.roles)
    )


def _differences(old: DutyItem, draft: DutyDraft) -> dict:
    changes = {}
    if old.number != draft.number:
        changes["number"] = [old.number, draft.number]
    if old.text != draft.text:
        changes["text"] = [old.text, draft.text]
    before, after = roles_of(old), draft.roles
    if before != after:
        changes["roles"] = [[_role_label(role) for role in before], [_role_label(role) for role in after]]
    return changes


def _role_label(role: RoleDraft) -> str:
    return f"{DutyRole.Role(role.role).label}：{role.name_as_written}"


@dataclass(frozen=True)
class PlannedChange:
    """A row of a previewed edition that changes a duty: what the preview page shows."""

    version: DutyItem
    draft: DutyDraft

    def text_diff(self):
        return text_diff(self.version.text, self.draft.text)

    def roles_diff(self):
        # As the file writes them: the preview compares names as written on both sides.
        return roles_diff(names_by_role(roles_of(self.version)), names_by_role(self.draft.roles))
