"""Every step of a draft list after it is written: submitted for the first review (初审), approved or returned
with comments on its rows by the committee office, its approval (审定) recorded, and published as an edition.

Each service checks who is asking (listdrafts.permissions) and the draft's state inside one transaction, and
records the step (listdrafts.services.common.step_record) with its audit entry in that transaction.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from duties.models import Document
from duties.services import SourceDocument, edition_publish
from duties.services.edition_writes import source_document_errors
from listdrafts import permissions
from listdrafts.checking import draft_check, draft_file, row_values
from listdrafts.models import DraftStep, ListDraft, ReviewRound, RowComment
from listdrafts.procedures import procedure_for
from listdrafts.services.common import STALE_VERSION, StaleVersion, deny_unless, locked, step_record
from reports.rules import today_in_china

LIST_HAS_ERRORS = _("清单还有 %(count)s 处需要修改（见各行的提示），改好后再报送。")
NOTHING_CHANGED = _("清单与现行清单相同，没有需要审定的改动。")
NOT_SUBMITTED = _("清单不在待初审状态，不能初审。")
RETURN_NEEDS_COMMENT = _("退回时请写明总体意见，或至少对一行提出意见。")
UNKNOWN_ROWS = _("意见所指的行不在报送的清单中。")
NOT_REVIEWED = _("清单尚未通过初审，不能登记审定。")
APPROVAL_DOCUMENT_REQUIRED = _("请填写审定文件的标题，或选择已收录的文件。")
APPROVAL_DATE_IN_FUTURE = _("审定日期不能晚于今天。")
APPROVAL_BEFORE_REVIEW = _("审定日期不能早于初审日期（%(day)s）。")
NOT_APPROVED = _("清单尚未登记审定，不能公开。")
LIST_CHANGED = _("审定之后现行清单已有变化，审定的清单不能照原样公开：%(errors)s")


def _submitted_rows(draft: ListDraft) -> list[dict]:
    return [row_values(row) for row in draft.rows.order_by("position")]


@transaction.atomic
def list_draft_submit(*, draft: ListDraft, user, expected_version: int, comment: str = "") -> ListDraft:
    """Submit the draft for the first review (报送初审): checked as the import checks a file, then frozen as a round."""
    deny_unless(permissions.is_staff_of(user, draft.department))
    current = locked(draft)
    if current.state == ListDraft.State.SUBMITTED:
        return current  # a double click or a retry
    deny_unless(permissions.can_submit(user, current))
    if current.version != expected_version:
        raise StaleVersion(STALE_VERSION, code="stale")
    rows = _submitted_rows(current)
    check = draft_check(current, rows, effective_on=today_in_china())
    if check.errors:
        raise ValidationError(LIST_HAS_ERRORS % {"count": len(check.errors)})
    if not check.has_changes:
        raise ValidationError(NOTHING_CHANGED)
    now = timezone.now()
    number = (current.rounds.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    ReviewRound.objects.create(draft=current, number=number, rows=rows, submitted_at=now, submitted_by=user)
    current.state = ListDraft.State.SUBMITTED
    current.first_submitted_at = current.first_submitted_at or now
    current.version += 1
    current.updated_by = user
    current.full_clean(validate_constraints=False)
    current.save(update_fields=["state", "first_submitted_at", "version", "updated_by", "updated_at"])
    step_record(current, user=user, step=DraftStep.Step.SUBMITTED, comment=comment)
    return current


def _decide(draft: ListDraft, user) -> tuple[ListDraft, ReviewRound]:
    current = locked(draft)
    if current.state != ListDraft.State.SUBMITTED:
        deny_unless(permissions.is_office_of(user, current.department.jurisdiction))
        raise ValidationError(NOT_SUBMITTED)
    deny_unless(permissions.can_review(user, current))
    return current, current.rounds.select_for_update().get(decision=ReviewRound.Decision.PENDING)


def _close_round(round_: ReviewRound, user, decision: str, comment: str):
    round_.decision, round_.comment = decision, comment.strip()
    round_.decided_at, round_.decided_by = timezone.now(), user
    round_.full_clean()
    round_.save()


@transaction.atomic
def list_draft_approve(*, draft: ListDraft, user, comment: str = "") -> ListDraft:
    """The committee office passes the first review (初审通过): the list goes up for approval (审定)."""
    current, round_ = _decide(draft, user)
    _close_round(round_, user, ReviewRound.Decision.APPROVED, comment)
    current.state = ListDraft.State.REVIEWED
    current.save(update_fields=["state", "updated_at"])
    step_record(current, user=user, step=DraftStep.Step.APPROVED, comment=comment)
    return current


@transaction.atomic
def list_draft_return(*, draft: ListDraft, user, comment: str, row_comments: dict[int, str]) -> ListDraft:
    """The committee office returns the list with an overall comment and comments on its rows (by row key)."""
    current, round_ = _decide(draft, user)
    row_comments = {key: text.strip() for key, text in row_comments.items() if text.strip()}
    if not comment.strip() and not row_comments:
        raise ValidationError({"comment": RETURN_NEEDS_COMMENT})
    numbers = {row["key"]: number for number, row in enumerate(round_.rows, start=1)}
    if not set(row_comments) <= set(numbers):
        raise ValidationError(UNKNOWN_ROWS)
    _close_round(round_, user, ReviewRound.Decision.RETURNED, comment)
    RowComment.objects.bulk_create(
        RowComment(round=round_, row_key=key, row_number=numbers[key], comment=text)
        for key, text in sorted(row_comments.items(), key=lambda item: numbers[item[0]])
    )
    current.state = ListDraft.State.RETURNED
    current.version += 1  # the department's open forms were for the submitted list
    current.save(update_fields=["state", "version", "updated_at"])
    summary = comment.strip() or _("逐行意见 %(count)s 条。") % {"count": len(row_comments)}
    step_record(current, user=user, step=DraftStep.Step.RETURNED, comment=summary)
    return current


def _approval_errors(draft, *, title, document, approved_on, reviewed_on) -> dict:
    errors = {}
    if document is None and not title.strip():
        errors["approval_title"] = APPROVAL_DOCUMENT_REQUIRED
    if document is not None and (
        problems := source_document_errors(SourceDocument(existing=document), draft.department.jurisdiction)
    ):
        errors["approval_document"] = problems
    if approved_on > today_in_china():
        errors["approved_on"] = APPROVAL_DATE_IN_FUTURE
    elif approved_on < reviewed_on:
        errors["approved_on"] = APPROVAL_BEFORE_REVIEW % {"day": reviewed_on}
    return errors


@transaction.atomic
def list_draft_approval_record(
    *,
    draft: ListDraft,
    user,
    approved_on: datetime.date,
    title: str = "",
    doc_number: str = "",
    issued_on: datetime.date | None = None,
    document: Document | None = None,
) -> ListDraft:
    """Record the approval (审定) by the party committee and government: its decision document and its day."""
    current = locked(draft)
    if current.state != ListDraft.State.REVIEWED:
        deny_unless(
            permissions.is_approver_of(user, current.department)
            or permissions.is_office_of(user, current.department.jurisdiction)
        )
        raise ValidationError(NOT_REVIEWED)
    deny_unless(permissions.can_record_approval(user, current))
    reviewed = current.rounds.filter(decision=ReviewRound.Decision.APPROVED).latest("number")
    reviewed_on = timezone.localtime(reviewed.decided_at).date()
    if errors := _approval_errors(
        current, title=title, document=document, approved_on=approved_on, reviewed_on=reviewed_on
    ):
        raise ValidationError(errors)
    current.approval_document = document
    current.approval_title = "" if document else title.strip()
    current.approval_doc_number = "" if document else doc_number.strip()
    current.approval_issued_on = None if document else issued_on
    current.approved_on, current.approval_recorded_at = approved_on, timezone.now()
    current.state = ListDraft.State.APPROVED
    current.full_clean(validate_constraints=False)
    current.save()
    step_record(current, user=user, step=DraftStep.Step.APPROVAL_RECORDED, comment=current.approval_display)
    return current


def provenance(draft: ListDraft, reviewed_on: datetime.date) -> str:
    """The published edition's account of where the list comes from."""
    procedure = procedure_for(draft.department)
    return _(
        "本清单由%(department)s编制，经%(reviewer)s于 %(reviewed)s 初审，"
        "由%(approver)s以%(document)s于 %(approved)s 审定。"
    ) % {
        "department": draft.department.name,
        "reviewer": procedure.reviewer,
        "reviewed": f"{reviewed_on:%Y-%m-%d}",
        "approver": procedure.approver,
        "document": draft.approval_display,
        "approved": f"{draft.approved_on:%Y-%m-%d}",
    }


@transaction.atomic
def list_draft_publish(*, draft: ListDraft, user) -> ListDraft:
    """Publish the list as approved, as an edition of the department's list in force from today.

    The rows are those of the round the office passed, checked again against the list in force: what changed
    since (an admin's correction) is refused, never published silently over."""
    deny_unless(permissions.is_approver_of(user, draft.department))
    current = locked(draft)
    if current.state == ListDraft.State.PUBLISHED:
        return current
    if current.state != ListDraft.State.APPROVED:
        raise ValidationError(NOT_APPROVED)
    deny_unless(permissions.can_publish(user, current))
    reviewed = current.rounds.filter(decision=ReviewRound.Decision.APPROVED).latest("number")
    source = SourceDocument(
        title=current.approval_title,
        doc_number=current.approval_doc_number,
        issued_on=current.approval_issued_on,
        existing=current.approval_document,
    )
    check = draft_check(current, reviewed.rows, effective_on=today_in_china(), source=source)
    if check.errors or not check.has_changes:
        errors = "；".join(str(error) for error in check.errors) or NOTHING_CHANGED
        raise ValidationError(LIST_CHANGED % {"errors": errors})
    _data, file_name = draft_file(current, reviewed.rows)
    summary = provenance(current, timezone.localtime(reviewed.decided_at).date())
    current.edition = edition_publish(
        plan=check.plan,
        basis=current.approval_display[:200],
        summary=summary,
        user=user,
        file_name=file_name,
        file_sha256=check.preview.file_sha256,
        source=source,
    )
    current.state, current.published_at = ListDraft.State.PUBLISHED, timezone.now()
    current.full_clean(validate_constraints=False)
    current.save()
    step_record(current, user=user, step=DraftStep.Step.PUBLISHED, comment=summary)
    return current
