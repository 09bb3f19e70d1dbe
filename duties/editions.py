"""Dated editions of the duty lists: plan one against the list in force, publish it, read what each changed.

A list is a department's (the duties it leads or co-leads) or a jurisdiction's whole list. An
edition never edits a duty in place: it ends the version in force (`valid_until`, `ended_by`)
and starts a new one (`valid_from`, `edition`) that keeps the duty's `lineage`, so any past day
can still be read (`DutyItem.objects.as_of(day)`). The spreadsheet import (duties/spreadsheet.py)
turns a file into `DutyDraft`s and goes through `edition_plan` (the preview) and `edition_publish`.
"""

import datetime
import difflib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Prefetch, Q
from django.utils.translation import gettext as _

from duties import search_index, selectors
from duties.audit import AuditEntry, audit_entry_record
from duties.models import Department, Document, DutyItem, DutyRole, Edition, Jurisdiction, Provision

LEADING_ROLES = (DutyRole.Role.LEAD, DutyRole.Role.CO_LEAD)


DAY_FORMAT = "日期应写作 YYYY-MM-DD，如 2025-01-01。"


def parse_day(value: str | None) -> datetime.date | None:
    """A day as pages, API and commands take it (`?as_of=`, `--effective`): YYYY-MM-DD; None when empty.

    Raises ValueError when malformed.
    """
    value = (value or "").strip()
    return datetime.datetime.strptime(value, "%Y-%m-%d").date() if value else None


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


def list_versions(jurisdiction: Jurisdiction, department: Department | None = None):
    """Every version ever on the list: the jurisdiction's duties, or those `department` leads or co-leads."""
    versions = DutyItem.objects.filter(document__jurisdiction=jurisdiction)
    if department is not None:
        leading = DutyRole.objects.filter(duty=OuterRef("pk"), department=department, role__in=LEADING_ROLES)
        versions = versions.filter(Exists(leading))
    return versions


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
        for version in list_versions(jurisdiction, department)
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
        raise ValidationError(_("清单在预览之后已有新版本：请重新预览。"), code="stale")
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
    rows = {provision.line_start: provision for provision in edition.document.provisions.all()}
    reason = f"{basis}（{plan.effective_on:%Y-%m-%d} 生效）"
    new_versions = []
    for version in [old for old, _draft in plan.changed] + plan.removed:
        version.valid_until, version.ended_by = plan.effective_on, edition
        version.save(update_fields=["valid_until", "ended_by"])
    for version in plan.removed:
        audit_entry_record(
            user=user,
            action=AuditEntry.Action.CHANGE,
            obj=version,
            reason=reason,
            changes={"valid_until": [None, plan.effective_on]},
        )
    for old, draft in plan.changed:
        new = _new_version(draft, edition, document=old.document, provision=old.provision, position=old.position)
        new.lineage, new.wording = old.lineage, rows[draft.row]
        new.save()
        _add_roles(new, draft)
        new_versions.append(new)
        audit_entry_record(
            user=user, action=AuditEntry.Action.ADD, obj=new, reason=reason, changes=_differences(old, draft)
        )
    for draft in plan.added:
        provision = rows[draft.row]
        new = _new_version(draft, edition, document=edition.document, provision=provision, position=draft.row)
        new.save()
        _add_roles(new, draft)
        new_versions.append(new)
        audit_entry_record(user=user, action=AuditEntry.Action.ADD, obj=new, reason=reason)
    audit_entry_record(user=user, action=AuditEntry.Action.ADD, obj=edition, reason=reason)
    search_index.reindex_documents(Document.objects.filter(pk=edition.document_id))
    search_index.reindex_provisions(Provision.objects.filter(document=edition.document_id))
    search_index.reindex_duties(DutyItem.objects.filter(pk__in=[version.pk for version in new_versions]))
    transaction.on_commit(selectors.forget_cached_counts)
    return edition


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


# Reading what editions changed ---------------------------------------------------------------


@dataclass(frozen=True)
class DutyChange:
    """One duty an edition added, removed or changed (reworded, renumbered or given other departments)."""

    ADDED, REMOVED, CHANGED = "added", "removed", "changed"

    kind: str
    before: DutyItem | None
    after: DutyItem | None

    @property
    def duty(self) -> DutyItem:
        return self.after or self.before

    @property
    def text_changed(self) -> bool:
        return self.kind == self.CHANGED and self.before.text != self.after.text

    @property
    def number_changed(self) -> bool:
        return self.kind == self.CHANGED and self.before.number != self.after.number

    @property
    def departments_changed(self) -> bool:
        return self.kind == self.CHANGED and _named_roles(self.before) != _named_roles(self.after)

    def text_diff(self) -> list[tuple[str, str]]:
        if not self.text_changed:
            return [("equal", self.duty.text)]
        return text_diff(self.before.text, self.after.text)

    def roles_diff(self) -> list[tuple[str, str, list[str], list[str]]]:
        return roles_diff(_named_roles(self.before), _named_roles(self.after))


def text_diff(before: str, after: str) -> list[tuple[str, str]]:
    """`after` against `before` as ("equal" | "delete" | "insert", characters) pieces, character by character."""
    pieces = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("equal", before[i1:i2]))
        if op in ("delete", "replace"):
            pieces.append(("delete", before[i1:i2]))
        if op in ("insert", "replace"):
            pieces.append(("insert", after[j1:j2]))
    return pieces


def roles_diff(before: dict, after: dict) -> list[tuple[str, str, list[str], list[str]]]:
    """Per role whose departments changed: (role, label, names before, names after)."""
    return [
        (role, DutyRole.Role(role).label, before.get(role, []), after.get(role, []))
        for role in DutyRole.Role.values
        if before.get(role, []) != after.get(role, [])
    ]


@dataclass(frozen=True)
class PlannedChange:
    """A row of a previewed edition that changes a duty: what the preview page shows."""

    version: DutyItem
    draft: DutyDraft

    def text_diff(self):
        return text_diff(self.version.text, self.draft.text)

    def roles_diff(self):
        # As the file writes them: the preview compares names as written on both sides.
        return roles_diff(_names_by_role(roles_of(self.version)), _names_by_role(self.draft.roles))


def _names_by_role(roles, name=lambda role: role.name_as_written) -> dict[str, list[str]]:
    names = {}
    for role in roles:
        names.setdefault(role.role, []).append(name(role))
    return names


def _named_roles(duty: DutyItem | None) -> dict[str, list[str]]:
    """A published version's departments by role, by their recorded names (as written when outside the records)."""
    roles = duty.roles.all() if duty is not None else []
    return _names_by_role(roles, name=lambda role: str(role.department or role.name_as_written))


@dataclass(frozen=True)
class EditionChanges:
    edition: Edition
    changes: list[DutyChange]

    def count(self, kind: str) -> int:
        return sum(1 for change in self.changes if change.kind == kind)

    @property
    def added_count(self) -> int:
        return self.count(DutyChange.ADDED)

    @property
    def removed_count(self) -> int:
        return self.count(DutyChange.REMOVED)

    @property
    def changed_count(self) -> int:
        return self.count(DutyChange.CHANGED)


def editions_list():
    return Edition.objects.select_related(
        "jurisdiction__parent__parent",
        "department__jurisdiction__parent__parent",
        "document__jurisdiction__parent__parent",
    ).order_by("-effective_on", "-id")


def editions_of_department(department: Department):
    """The editions that touched `department`'s list: its own, and those of its jurisdiction's list that did."""
    leading = {"roles__department": department, "roles__role__in": LEADING_ROLES}
    started_here = DutyItem.objects.filter(edition=OuterRef("pk"), **leading)
    ended_here = DutyItem.objects.filter(ended_by=OuterRef("pk"), **leading)
    return editions_list().filter(Q(department=department) | Exists(started_here) | Exists(ended_here))


def changes_of(editions, department: Department | None = None) -> list[EditionChanges]:
    """What each of `editions` changed, in a fixed number of queries; for a department, only its duties."""
    editions = list(editions)
    roles = Prefetch(
        "roles",
        queryset=DutyRole.objects.select_related(
            "department__jurisdiction__parent__parent", "department__sector"
        ).order_by("position"),
    )
    versions = DutyItem.objects.select_related("document__jurisdiction__parent__parent").prefetch_related(roles)
    started = list(versions.filter(edition__in=editions).order_by("document_id", "position"))
    ended = list(versions.filter(ended_by__in=editions).order_by("document_id", "position"))
    before = {(version.ended_by_id, version.lineage): version for version in ended}
    by_edition = {edition.pk: [] for edition in editions}
    for version in started:
        predecessor = before.pop((version.edition_id, version.lineage), None)
        kind = DutyChange.CHANGED if predecessor else DutyChange.ADDED
        by_edition[version.edition_id].append(DutyChange(kind, predecessor, version))
    for (edition_id, _lineage), version in before.items():
        by_edition[edition_id].append(DutyChange(DutyChange.REMOVED, version, None))
    if department is not None:
        for changes in by_edition.values():
            changes[:] = [change for change in changes if _concerns(change, department)]
    return [EditionChanges(edition, by_edition[edition.pk]) for edition in editions]


def _concerns(change: DutyChange, department: Department) -> bool:
    return any(
        role.department_id == department.pk and role.role in LEADING_ROLES
        for version in (change.before, change.after)
        if version is not None
        for role in version.roles.all()
    )


def lineage_versions(lineage: int):
    """Every version of one duty, oldest first."""
    return DutyItem.objects.filter(lineage=lineage).order_by("valid_from", "pk")
