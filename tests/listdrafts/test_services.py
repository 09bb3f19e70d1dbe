"""A department prepares its list, the office reviews it, its approval is recorded and it is published: each
transition, what it leaves behind, and what it refuses."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from duties import selectors
from duties.audit import AuditEntry
from duties.models import Department, DutyItem, Edition
from duties.publication import PublicationStatus, list_publication_rows
from listdrafts import services
from listdrafts.models import DraftStep, ListDraft, ReviewRound
from listdrafts.services import review
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def row_input(row, **changes):
    values = {field: getattr(row, field) for field in services.RowInput.__dataclass_fields__}
    return services.RowInput(**{**values, **changes})


def steps_of(draft):
    return list(DraftStep.objects.filter(draft=draft).values_list("step", flat=True))


def test_a_new_draft_starts_from_the_list_in_force(list_draft, department):
    in_force = list(selectors.duties_for_department(department).values_list("lineage", "text"))
    assert list(list_draft.rows.values_list("lineage", "text")) == in_force
    assert len(in_force) == 15
    assert list_draft.state == ListDraft.State.DRAFT
    assert steps_of(list_draft) == [DraftStep.Step.CREATED]


def test_one_open_draft_per_department(list_draft, department, approver):
    with pytest.raises(ValidationError) as excinfo:
        services.list_draft_create(user=approver, department=department)
    assert excinfo.value.messages == [services.drafting.DRAFT_EXISTS]


def test_rows_are_added_edited_moved_and_removed(list_draft, editor):
    first, second = list_draft.rows.order_by("position")[:2]
    services.draft_row_save(
        draft=list_draft, user=editor, expected_version=1, values=row_input(first, text="新的表述。"), row_id=first.pk
    )
    services.draft_row_move(draft=list_draft, user=editor, expected_version=2, row_id=first.pk, offset=1)
    added = services.draft_row_save(
        draft=list_draft,
        user=editor,
        expected_version=3,
        values=services.RowInput(number="16", text="负责新增的事项。", lead="省生态环境厅"),
    )
    services.draft_row_remove(draft=list_draft, user=editor, expected_version=4, row_id=second.pk)
    rows = list(list_draft.rows.order_by("position"))
    assert [rows[0].pk, rows[-1].pk] == [first.pk, added.pk]
    assert rows[0].text == "新的表述。" and len(rows) == 15
    assert AuditEntry.objects.filter(object_repr__contains="新增的事项").exists()


def test_an_edit_from_a_stale_page_is_refused(list_draft, editor, approver):
    first = list_draft.rows.first()
    services.draft_row_save(
        draft=list_draft, user=approver, expected_version=1, values=row_input(first), row_id=first.pk
    )
    with pytest.raises(services.StaleVersion):
        services.draft_row_save(
            draft=list_draft, user=editor, expected_version=1, values=row_input(first), row_id=first.pk
        )


def test_a_draft_with_errors_or_without_changes_is_not_submitted(list_draft, editor):
    with pytest.raises(ValidationError) as excinfo:
        services.list_draft_submit(draft=list_draft, user=editor, expected_version=1)
    assert excinfo.value.messages == [review.NOTHING_CHANGED]
    first = list_draft.rows.first()
    services.draft_row_save(
        draft=list_draft, user=editor, expected_version=1, values=row_input(first, lead="不存在的部门"), row_id=first.pk
    )
    with pytest.raises(ValidationError) as excinfo:
        services.list_draft_submit(draft=list_draft, user=editor, expected_version=2)
    assert excinfo.value.messages == [review.LIST_HAS_ERRORS % {"count": 2}]  # the unknown name, and no lead left
    assert ListDraft.objects.get(pk=list_draft.pk).state == ListDraft.State.DRAFT


def test_the_full_path_keeps_every_round_and_publishes_an_edition(department, editor, approver, office):
    draft = factories.prepare_list(department, editor, office, until="submitted")
    first_round = draft.rounds.get()
    first_key = first_round.rows[0]["key"]
    draft = services.list_draft_return(
        draft=draft, user=office, comment="请核对第 1 项的表述。", row_comments={first_key: "表述与三定规定不一致。"}
    )
    assert draft.state == ListDraft.State.RETURNED
    first_round.refresh_from_db()
    assert first_round.decision == ReviewRound.Decision.RETURNED
    assert list(first_round.row_comments.values_list("row_number", "comment")) == [(1, "表述与三定规定不一致。")]
    first = draft.rows.get(pk=first_key)
    services.draft_row_save(
        draft=draft,
        user=editor,
        expected_version=draft.version,
        values=row_input(first, text="负责全省生态环境统一监督管理。"),
        row_id=first.pk,
    )
    draft.refresh_from_db()
    draft = services.list_draft_submit(draft=draft, user=editor, expected_version=draft.version)
    draft = services.list_draft_approve(draft=draft, user=office, comment="同意报审定。")
    draft = services.list_draft_approval_record(
        draft=draft,
        user=approver,
        approved_on=TODAY,
        title="关于省生态环境厅具体事项清单的批复",
        doc_number="赣办字〔2026〕12号",
    )
    draft = services.list_draft_publish(draft=draft, user=approver)

    assert draft.state == ListDraft.State.PUBLISHED
    assert [round_.decision for round_ in draft.rounds.order_by("number")] == ["returned", "approved"]
    edition = Edition.objects.get(pk=draft.edition_id)
    assert edition.department == department and edition.effective_on == TODAY
    assert edition.basis == "《关于省生态环境厅具体事项清单的批复》（赣办字〔2026〕12号）"
    assert edition.summary.startswith("本清单由江西省生态环境厅编制，经省生态环境保护委员会办公室于")
    assert f"于 {TODAY:%Y-%m-%d} 审定" in edition.summary
    assert edition.document.title == "关于省生态环境厅具体事项清单的批复"
    assert DutyItem.objects.current().filter(lineage=first.lineage).get().text == "负责全省生态环境统一监督管理。"
    assert steps_of(draft) == [
        "created",
        "submitted",
        "returned",
        "submitted",
        "approved",
        "approval_recorded",
        "published",
    ]


def test_publishing_twice_changes_nothing(department, editor, approver, office):
    draft = factories.prepare_list(department, editor, office, approver, until="published")
    again = services.list_draft_publish(draft=draft, user=approver)
    assert again.edition_id == draft.edition_id
    assert Edition.objects.filter(department=department).count() == 1


def test_a_return_needs_a_comment_and_rows_of_the_list(submitted, office):
    with pytest.raises(ValidationError) as excinfo:
        services.list_draft_return(draft=submitted, user=office, comment=" ", row_comments={})
    assert excinfo.value.message_dict == {"comment": [review.RETURN_NEEDS_COMMENT]}
    with pytest.raises(ValidationError) as excinfo:
        services.list_draft_return(draft=submitted, user=office, comment="", row_comments={999999: "?"})
    assert excinfo.value.messages == [review.UNKNOWN_ROWS]


def test_the_approval_needs_a_document_and_a_day_after_the_review(department, editor, office, approver):
    draft = factories.prepare_list(department, editor, office, until="reviewed")
    with pytest.raises(ValidationError) as excinfo:
        services.list_draft_approval_record(draft=draft, user=approver, approved_on=TODAY + datetime.timedelta(days=1))
    assert excinfo.value.message_dict == {
        "approval_title": [review.APPROVAL_DOCUMENT_REQUIRED],
        "approved_on": [review.APPROVAL_DATE_IN_FUTURE],
    }
    with pytest.raises(ValidationError) as excinfo:
        services.list_draft_approval_record(
            draft=draft, user=approver, approved_on=TODAY - datetime.timedelta(days=3), title="批复"
        )
    assert excinfo.value.message_dict == {"approved_on": [review.APPROVAL_BEFORE_REVIEW % {"day": TODAY}]}


def test_a_picked_document_becomes_the_editions_document(department, editor, office, approver):
    from duties.models import Document

    picked = Document.objects.create(
        jurisdiction=department.jurisdiction,
        title="省委办公厅关于清单的通知",
        doc_number="赣办〔2026〕3号",
        source_file="approvals/ecology-2026.txt",
        source_sha256="0" * 64,
        issued_year=2026,
        issued_month=11,
        issued_day=20,
    )
    draft = factories.prepare_list(department, editor, office, until="reviewed")
    draft = services.list_draft_approval_record(draft=draft, user=office, approved_on=TODAY, document=picked)
    draft = services.list_draft_publish(draft=draft, user=approver)
    assert draft.edition.document_id == picked.pk
    assert draft.edition.basis == "《省委办公厅关于清单的通知》（赣办〔2026〕3号）"


def test_a_list_changed_since_its_approval_is_not_published_over(department, editor, office, approver):
    draft = factories.prepare_list(department, editor, office, approver, until="approved")
    factories.make_edition(department, TODAY, basis="管理员更正")  # the admin's direct import
    with pytest.raises(ValidationError) as excinfo:
        services.list_draft_publish(draft=draft, user=approver)
    assert excinfo.value.messages[0].startswith("审定之后现行清单已有变化")
    assert ListDraft.objects.get(pk=draft.pk).state == ListDraft.State.APPROVED


def test_the_tracker_shows_a_list_in_review(editor, office):
    chongqing_ecology = Department.objects.select_related("jurisdiction").get(pk=500000001)
    chongqing_editor = factories.make_editor(chongqing_ecology)
    chongqing_office = factories.make_office(chongqing_ecology.jurisdiction)
    draft = services.list_draft_create(user=chongqing_editor, department=chongqing_ecology)
    services.draft_row_save(
        draft=draft,
        user=chongqing_editor,
        expected_version=draft.version,
        values=services.RowInput(number="1", text="负责全市生态环境统一监督管理。", lead="重庆市生态环境局"),
    )

    def status():
        rows = list_publication_rows(chongqing_ecology.jurisdiction, TODAY)
        return next(row.status for row in rows if row.department == chongqing_ecology)

    before = status()
    assert before in (PublicationStatus.OVERDUE, PublicationStatus.NOT_DUE, PublicationStatus.NO_DEADLINE)
    draft.refresh_from_db()
    services.list_draft_submit(draft=draft, user=chongqing_editor, expected_version=draft.version)
    assert status() == PublicationStatus.IN_REVIEW
    draft = services.list_draft_return(draft=draft, user=chongqing_office, comment="请补充。", row_comments={})
    assert status() == PublicationStatus.IN_REVIEW  # returned for revision: still under review
    draft = services.list_draft_submit(draft=draft, user=chongqing_editor, expected_version=draft.version)
    services.list_draft_approve(draft=draft, user=chongqing_office)
    chongqing_approver = factories.make_approver(chongqing_ecology)
    draft = services.list_draft_approval_record(
        draft=draft, user=chongqing_approver, approved_on=TODAY, title="市政府批复"
    )
    services.list_draft_publish(draft=draft, user=chongqing_approver)
    assert status() == PublicationStatus.PUBLISHED


def test_each_step_is_in_the_audit_trail(department, editor, office, approver):
    draft = factories.prepare_list(department, editor, office, approver, until="published")
    reasons = AuditEntry.objects.filter(object_id=str(draft.pk), content_type__model="listdraft")
    assert reasons.count() == 5  # created, submitted, approved, approval recorded, published
