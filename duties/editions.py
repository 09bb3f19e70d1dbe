"""Dated editions of the duty lists: plan one against the list in force, publish it, read what each changed.

A list is a department's (the duties it leads or co-leads) or a jurisdiction's whole list. An
edition never edits a duty in place: it ends the version in force (`valid_until`, `ended_by`)
and starts a new one (`valid_from`, `edition`) that keeps the duty's `lineage`, so any past day
can still be read (`DutyItem.objects.as_of(day)`). The spreadsheet import (duties/spreadsheet.py)
turns a file into `DutyDraft`s and goes through `edition_plan` (the preview) and `edition_publish`.
"""

import difflib
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q

from duties.models import Department, DutyItem, DutyRole, Edition

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


def names_by_role(roles, name=lambda role: role.name_as_written) -> dict[str, list[str]]:
    names = {}
    for role in roles:
        names.setdefault(role.role, []).append(name(role))
    return names


def _named_roles(duty: DutyItem | None) -> dict[str, list[str]]:
    """A published version's departments by role, by their recorded names (as written when outside the records)."""
    roles = duty.roles.all() if duty is not None else []
    return names_by_role(roles, name=lambda role: str(role.department or role.name_as_written))


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
    leading = {"roles__department": department, "roles__role__in": DutyRole.LEADING}
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
        role.department_id == department.pk and role.role in DutyRole.LEADING
        for version in (change.before, change.after)
        if version is not None
        for role in version.roles.all()
    )


def lineage_versions(lineage: int):
    """Every version of one duty, oldest first."""
    return DutyItem.objects.filter(lineage=lineage).order_by("valid_from", "pk")
