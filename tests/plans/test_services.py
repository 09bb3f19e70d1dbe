"""Writing a plan and filing it for record: who may do each step, in which state, and what each step leaves."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from duties.audit import AuditEntry
from duties.models import DutyItem
from duties.selectors import duties_for_department
from plans import services
from plans.models import AnnualPlan, PlanRevision
from tests import factories

pytestmark = pytest.mark.django_db


def messages_of(excinfo):
    return excinfo.value.messages


def test_a_new_plan_lists_the_duties_the_department_leads_on_1_january(plan, department):
    expected = list(duties_for_department(department, day=datetime.date(2026, 1, 1)).values_list("pk", flat=True))
    assert list(plan.entries.order_by("position").values_list("duty_id", flat=True)) == expected
    assert len(expected) > 0
    assert plan.state == AnnualPlan.State.DRAFT
    first = plan.entries.order_by("position").first()
    assert first.duty_text == DutyItem.objects.get(pk=first.duty_id).text


def test_a_plan_is_opened_only_by_the_departments_staff(department, other_editor, supervisor, office, clock):
    clock("2026-01-05 09:00")
    for user in (other_editor, supervisor, office):
        with pytest.raises(PermissionDenied):
            services.plan_create(user=user, department=department, year=2026)


def test_one_plan_per_department_and_year_and_only_plannable_years(plan, department, editor):
    with pytest.raises(ValidationError) as excinfo:
        services.plan_create(user=editor, department=department, year=2026)
    assert messages_of(excinfo) == [services.PLAN_EXISTS]
    with pytest.raises(ValidationError) as excinfo:
        services.plan_create(user=editor, department=department, year=2029)
    assert messages_of(excinfo) == [services.YEAR_OUT_OF_RANGE % {"first": 2025, "last": 2027}]


def test_a_department_without_important_duties_has_no_plan(clock):
    from duties.models import Department

    department = Department.objects.filter(jurisdiction="360000", bears_key_duties=False).first()
    editor = factories.make_editor(department)
    clock("2026-01-05 09:00")
    with pytest.raises(ValidationError) as excinfo:
        services.plan_create(user=editor, department=department, year=2026)
    assert messages_of(excinfo) == [services.NOT_KEY_DUTY_DEPARTMENT]


def test_a_stale_save_is_refused(plan, editor, approver):
    factories.fill_plan(plan, editor)
    with pytest.raises(services.StaleVersion):
        services.plan_draft_save(plan=plan, user=approver, expected_version=plan.version, overall_goal="x", entries={})


def test_the_same_person_s_identical_second_save_is_not_a_conflict(plan, editor, approver):
    """A double click sends the same form twice with the same version: the second is answered as saved."""
    entry = plan.entries.order_by("position").first()
    entries = {entry.pk: services.PlanEntryInput(goal="全年完成。", responsible_unit="大气环境处")}
    read_at = plan.version
    saved = services.plan_draft_save(
        plan=plan, user=editor, expected_version=read_at, overall_goal="目标", entries=entries
    )
    again = services.plan_draft_save(
        plan=plan, user=editor, expected_version=read_at, overall_goal="目标", entries=entries
    )
    assert again.version == saved.version == read_at + 1
    with pytest.raises(services.StaleVersion):  # changed text, or someone else, is still a conflict
        services.plan_draft_save(plan=plan, user=editor, expected_version=read_at, overall_goal="改", entries=entries)
    with pytest.raises(services.StaleVersion):
        services.plan_draft_save(
            plan=plan, user=approver, expected_version=read_at, overall_goal="目标", entries=entries
        )


def test_only_the_approver_submits_and_only_a_complete_plan(plan, editor, approver):
    plan = factories.fill_plan(plan, editor)
    with pytest.raises(PermissionDenied):
        services.plan_submit(plan=plan, user=editor, expected_version=plan.version)
    plan = services.plan_draft_save(plan=plan, user=editor, expected_version=plan.version, overall_goal="", entries={})
    with pytest.raises(ValidationError) as excinfo:
        services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    assert messages_of(excinfo) == [services.GOAL_REQUIRED]
    plan = factories.fill_plan(plan, editor, unit="")
    with pytest.raises(ValidationError) as excinfo:
        services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    numbers = "、".join(str(n) for n in range(1, plan.entries.count() + 1))
    assert messages_of(excinfo) == [services.ENTRY_INCOMPLETE % {"numbers": numbers}]


def test_submitting_freezes_a_revision_and_a_repeat_changes_nothing(plan, editor, approver):
    plan = factories.fill_plan(plan, editor)
    submitted = services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    again = services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    assert submitted.state == again.state == AnnualPlan.State.SUBMITTED
    revision = PlanRevision.objects.get(plan=plan)
    assert revision.number == 1 and revision.decision == PlanRevision.Decision.PENDING
    assert revision.content["overall_goal"] == "全年完成清单所列任务。"
    assert revision.content["entries"][0]["responsible_unit"] == "大气环境处"
    assert revision.content["entries"][0]["planned_completion"] == "2026-12-31"
    with pytest.raises(ValidationError) as excinfo:
        services.plan_draft_save(plan=plan, user=editor, expected_version=again.version, overall_goal="x", entries={})
    assert messages_of(excinfo) == [services.NOT_EDITABLE]


def test_the_office_returns_with_a_comment_and_the_department_resubmits(plan, editor, approver, office):
    plan = factories.fill_plan(plan, editor)
    plan = services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_return(plan=plan, user=office, comment=" ")
    assert excinfo.value.message_dict == {"comment": [services.COMMENT_REQUIRED]}
    plan = services.plan_return(plan=plan, user=office, comment="请细化第 1 项的推进措施。")
    assert plan.state == AnnualPlan.State.RETURNED
    plan = factories.fill_plan(plan, editor, goal="全年完成清单所列任务，细化措施。")
    plan = services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    plan = services.plan_acknowledge(plan=plan, user=office, comment="同意备案。")
    revisions = list(plan.revisions.order_by("number").values_list("number", "decision", "comment"))
    assert revisions == [(1, "returned", "请细化第 1 项的推进措施。"), (2, "acknowledged", "同意备案。")]
    assert plan.state == AnnualPlan.State.ACKNOWLEDGED and plan.first_acknowledged_at is not None


def test_only_the_office_of_the_departments_own_jurisdiction_decides(plan, editor, approver, henan_office, supervisor):
    plan = factories.fill_plan(plan, editor)
    plan = services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    for user in (henan_office, supervisor, approver):
        with pytest.raises(PermissionDenied):
            services.plan_acknowledge(plan=plan, user=user)
        with pytest.raises(PermissionDenied):
            services.plan_return(plan=plan, user=user, comment="x")


def test_a_plan_not_waiting_for_the_office_cannot_be_decided(plan, office):
    with pytest.raises(ValidationError) as excinfo:
        services.plan_acknowledge(plan=plan, user=office)
    assert messages_of(excinfo) == [services.NOT_SUBMITTED]


def test_publishing_needs_the_offices_acknowledgement(plan, editor, approver, office):
    plan = factories.fill_plan(plan, editor)
    plan = services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_publish(plan=plan, user=approver)
    assert messages_of(excinfo) == [services.NOT_ACKNOWLEDGED]
    plan = services.plan_acknowledge(plan=plan, user=office)
    with pytest.raises(PermissionDenied):
        services.plan_publish(plan=plan, user=editor)
    published = services.plan_publish(plan=plan, user=approver)
    assert published.state == AnnualPlan.State.PUBLISHED
    assert published.published_revision == plan.revisions.get(number=1)
    assert services.plan_publish(plan=published, user=approver).published_at == published.published_at


def test_a_revision_of_a_published_plan_is_filed_again_and_the_public_keeps_the_last_until_then(
    department, approver, office, clock
):
    clock("2026-01-05 09:00")
    plan = factories.make_filed_plan(department, 2026, approver, office, publish=True)
    plan = services.plan_revise(plan=plan, user=approver)
    assert plan.state == AnnualPlan.State.DRAFT and plan.published_revision.number == 1
    plan = factories.fill_plan(plan, approver, goal="年中调整后的目标。")
    plan = services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    plan = services.plan_acknowledge(plan=plan, user=office)
    assert AnnualPlan.objects.get(pk=plan.pk).published_revision.number == 1
    plan = services.plan_publish(plan=plan, user=approver)
    assert plan.published_revision.number == 2
    assert plan.published_revision.content["overall_goal"] == "年中调整后的目标。"


def test_each_step_of_the_filing_is_in_the_audit_trail(department, approver, office, clock):
    clock("2026-01-05 09:00")
    plan = factories.make_filed_plan(department, 2026, approver, office, publish=True)
    steps = AuditEntry.objects.filter(object_id=str(plan.pk), content_type__model="annualplan").order_by("id")
    assert [(entry.action, entry.changes.get("state", [None])[0]) for entry in steps] == [
        ("add", None),
        ("change", "submit"),
        ("change", "acknowledge"),
        ("change", "publish"),
    ]
    assert [entry.user for entry in steps] == [approver, approver, office, approver]


def test_a_plan_rule_s_deadline_is_a_day_of_every_year(jiangxi):
    from plans.models import NOT_A_DAY_OF_EVERY_YEAR, PlanRule

    for month, day in ((2, 29), (4, 31)):
        with pytest.raises(ValidationError) as excinfo:
            PlanRule(province=jiangxi, filing_deadline_month=month, filing_deadline_day=day).full_clean()
        assert excinfo.value.message_dict == {"filing_deadline_day": [NOT_A_DAY_OF_EVERY_YEAR]}
    rule = PlanRule(province=jiangxi, filing_deadline_month=3, filing_deadline_day=31)
    rule.full_clean()
    assert rule.filing_deadline(2026) == datetime.date(2026, 3, 31) and rule.deadline_display == "每年 3 月 31 日前"
