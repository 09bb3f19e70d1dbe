"""Publish dated editions of the duty lists: plan one against the list in force (the preview), then publish it.

An edition never edits a duty in place: it ends the version in force (`valid_until`, `ended_by`) and starts a
new one (`valid_from`, `edition`) that keeps the duty's `lineage`, so any past day can still be read
(`DutyItem.objects.as_of(day)`). What an edition changed is read back by duties/editions.py.
"""

import datetime
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from duties import selectors
from duties.editions import names_by_role, roles_diff, text_diff
from duties.models import Department, DutyItem, DutyRole, Edition, Jurisdiction
from duties.services.edition_writes import (
    SourceDocument,
    batched,
    edition_audit_write,
    edition_document_write,
    source_document_errors,
    versions_end,
    versions_start,
)
from duties.services.progress import Progress, Steps, no_progress, run


@dataclass(frozen=True)
class RoleDraft:
    role: str
    department_id: int | None  # None: a body outside the records, kept as written
    name_as_written: str


@dataclass(frozen=True)
class DutyDraft:
    """One duty as the list reads after the edition: a row of the edition's file."""

    lineage: int | None  # None: a duty new in this edition (unless the plan recognises it by its text)
    number: str
    text: str
    roles: tuple[RoleDraft, ...]
    row: int  # the row of the file it was read from
    owner_id: int | None = None  # the department whose list the row is on (its 部门, or its first lead)
    source: tuple[int, int, int] | None = None  # (document, provision, place) the row cites as its source


ROLE_ORDER = {role: index for index, role in enumerate(DutyRole.Role.values)}


def roles_of(duty: DutyItem) -> tuple[RoleDraft, ...]:
    """A duty's departments, lead first, then co-lead, then cooperating, each in the order written."""
    if (planned := getattr(duty, "planned_roles", None)) is not None:
        return planned  # read with the plan's versions (`_versions_in_force`)
    roles = sorted(duty.roles.all(), key=lambda role: (ROLE_ORDER[role.role], role.position))
    return tuple(RoleDraft(role.role, role.department_id, role.name_as_written) for role in roles)


def _versions_in_force(jurisdiction, department, effective_on) -> dict[int, DutyItem]:
    """The list in force by lineage, each version with its roles (`planned_roles`) and its source's title and
    anchor: read as rows, not as model instances with their related objects (20,000 duties in a second)."""
    versions = (
        selectors.list_versions(jurisdiction, department)
        .as_of(effective_on)
        .annotate(document_title=F("document__title"), provision_anchor=F("provision__anchor"))
        .defer("search_title", "search_text")
    )
    roles = {}
    for duty_id, role, department_id, name, position in (
        DutyRole.objects.filter(duty__in=versions.values("pk"))
        .order_by()
        .values_list("duty_id", "role", "department_id", "name_as_written", "position")
    ):
        roles.setdefault(duty_id, []).append((ROLE_ORDER[role], position, RoleDraft(role, department_id, name)))
    in_force = {}
    for version in versions:
        version.planned_roles = tuple(draft for *_order, draft in sorted(roles.get(version.pk, [])))
        in_force[version.lineage] = version
    return in_force


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
    recognised: list[int] = field(default_factory=list)  # rows without 事项标识 found to be a duty in force

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def planned_changes(self) -> "list[PlannedChange]":
        return [PlannedChange(version, draft) for version, draft in self.changed]


def edition_plan(
    *, jurisdiction: Jurisdiction, department: Department | None, effective_on: datetime.date, drafts: list[DutyDraft]
) -> EditionPlan:
    """Compare `drafts` with the list in force on `effective_on`; raise ValidationError if they cannot apply.

    A row without its duty's identity (事项标识) whose department, number and text are a duty's in force is
    that duty (`recognised`), so that re-importing a list typed anew changes nothing instead of replacing it.
    """
    if department is not None and department.jurisdiction_id != jurisdiction.pk:
        raise ValidationError(_("部门不属于该行政区。"))
    later = Edition.objects.filter(jurisdiction=jurisdiction, effective_on__gt=effective_on).order_by("-effective_on")
    if latest := later.first():
        raise ValidationError(
            _("该行政区已有 %(date)s 生效的版本；新版本的生效日期不能早于它。") % {"date": latest.effective_on},
            code="effective_on",
        )
    in_force = _versions_in_force(jurisdiction, department, effective_on)
    plan = EditionPlan(jurisdiction, department, effective_on, drafts)
    claimed = {draft.lineage for draft in drafts if draft.lineage is not None}
    recognise = _recognition(version for lineage, version in in_force.items() if lineage not in claimed)
    errors = []
    for draft in drafts:
        if draft.lineage is None and (version := recognise(draft)) is not None:
            plan.recognised.append(draft.row)
            draft = replace(draft, lineage=version.lineage)
        if draft.lineage is None:
            plan.added.append(draft)
        elif error := _compare(plan, in_force.pop(draft.lineage, None), draft):
            errors.append(error)
    plan.removed = sorted(in_force.values(), key=lambda version: (version.document_id, version.position))
    plan.added = _with_free_sources(plan)
    if errors:
        raise ValidationError(errors)
    return plan


def _compare(plan: EditionPlan, version: DutyItem | None, draft: DutyDraft) -> str | None:
    """File the row as unchanged or changed against its version in force; or say why it cannot be."""
    if version is None:
        return _("第 %(row)s 行：事项标识 %(id)s 不在这份清单中。") % {"row": draft.row, "id": draft.lineage}
    if same_duty(version, draft):
        plan.unchanged.append((version, draft))
    elif version.valid_from == plan.effective_on:
        return _("第 %(row)s 行：该事项已由 %(date)s 生效的版本修订，同一天不能再次修订。") % {
            "row": draft.row,
            "date": plan.effective_on,
        }
    else:
        plan.changed.append((version, draft))
    return None


def _recognition(versions):
    """Find, for a row without 事项标识, the version in force it repeats: the same department (one of those
    leading it), number and text; each version once, the first in the list's order."""
    by_key = {}
    for version in sorted(versions, key=lambda version: (version.document_id, version.position)):
        for role in roles_of(version):
            if role.role in DutyRole.LEADING and role.department_id is not None:
                by_key.setdefault((role.department_id, version.number, version.text), []).append(version)
    taken = set()

    def recognise(draft: DutyDraft) -> DutyItem | None:
        for version in by_key.get((draft.owner_id, draft.number, draft.text), []):
            if version.pk not in taken:
                taken.add(version.pk)
                return version
        return None

    return recognise


def _with_free_sources(plan: EditionPlan) -> list[DutyDraft]:
    """An added row keeps the source it cites (来源文件, 出处条款) when that provision has no duty in force after
    the edition; otherwise its source is its row of the edition's file (the preview says so)."""
    cited = {draft.source[1] for draft in plan.added if draft.source is not None}
    if not cited:
        return plan.added
    ending = {version.pk for version in plan.removed}
    occupied = set(
        DutyItem.objects.filter(provision_id__in=cited, valid_until__isnull=True)
        .exclude(pk__in=ending)
        .values_list("provision_id", flat=True)
    )
    added = []
    for draft in plan.added:
        if draft.source is not None and draft.source[1] in occupied:
            draft = replace(draft, source=None)
        elif draft.source is not None:
            occupied.add(draft.source[1])  # and no other row of the file takes it
        added.append(draft)
    return added


STALE_PLAN = _("清单在预览之后已有新版本：请重新预览。")


def edition_publish(
    *,
    plan: EditionPlan,
    basis: str,
    summary: str = "",
    user=None,
    file_name: str,
    file_sha256: str,
    source: SourceDocument | None = None,
    progress: Progress = no_progress,
) -> Edition:
    """Write `plan` as a new edition (`edition_publish_steps`), reporting each step to `progress`."""
    steps = edition_publish_steps(
        plan=plan, basis=basis, summary=summary, user=user, file_name=file_name, file_sha256=file_sha256, source=source
    )
    return run(steps, progress)


def edition_publish_steps(
    *, plan: EditionPlan, basis: str, summary: str, user, file_name: str, file_sha256: str, source
) -> Steps[Edition]:
    """Write `plan` as a new edition in one transaction: its source document with the file's rows (one provision
    each), the ended and the new versions with their roles, and the audit trail, in bulk (edition_writes.py)."""
    source = source or SourceDocument()
    if errors := source_document_errors(source, plan.jurisdiction):
        raise ValidationError(errors, code="document")
    with transaction.atomic():
        # One edition of a jurisdiction at a time: a second import waits here, then finds its plan stale.
        Jurisdiction.objects.select_for_update().get(pk=plan.jurisdiction.pk)
        touched = [version.pk for version, _draft in plan.changed] + [version.pk for version in plan.removed]
        if any(DutyItem.objects.filter(pk__in=chunk, valid_until__isnull=False).exists() for chunk in batched(touched)):
            raise ValidationError(STALE_PLAN, code="stale")
        if Edition.objects.filter(jurisdiction=plan.jurisdiction, effective_on__gt=plan.effective_on).exists():
            raise ValidationError(STALE_PLAN, code="stale")
        edition = Edition.objects.create(
            jurisdiction=plan.jurisdiction,
            department=plan.department,
            effective_on=plan.effective_on,
            basis=basis,
            summary=summary,
            created_by=user if user is not None and user.is_authenticated else None,
        )
        yield "document", 0, len(plan.drafts)
        edition.document, row_texts = edition_document_write(edition, plan, source, file_name, file_sha256)
        edition.save(update_fields=["document"])
        yield from versions_end(plan, edition)
        started = yield from versions_start(plan, edition, edition.document, row_texts)
        yield "audit", 0, len(started) + len(plan.removed)
        reason = f"{basis}（{plan.effective_on:%Y-%m-%d} 生效）"
        edition_audit_write(plan, edition, started, user=user, reason=reason, differences=_differences)
        transaction.on_commit(selectors.forget_cached_counts)
        yield "commit", 0, 0
    return edition


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
