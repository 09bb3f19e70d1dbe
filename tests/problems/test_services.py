"""The loop through the services: file once per form, assign, accept, progress, extend, rectify, finish,
close; returns, reopening, withdrawal; consultation whose decision makes the next problem route by itself."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from duties.audit import AuditEntry
from problems import services
from problems.models import Event, Problem
from problems.routing import route
from tests.problems.factories import REPORTER_EMAIL, accepted, assigned, file_problem

pytestmark = pytest.mark.django_db


def test_the_same_form_submitted_twice_files_one_problem(county):
    first = file_problem(county, token="form-token-0123456789")
    again = file_problem(county, token="form-token-0123456789")
    assert first.created and not again.created
    assert again.problem.pk == first.problem.pk and again.access_key == first.access_key
    assert Problem.objects.count() == 1


def test_a_filed_problem_has_a_number_a_link_and_its_acceptance_deadline(county):
    filed = file_problem(county)
    problem = filed.problem
    assert problem.number.endswith(f"{problem.pk:06d}")
    assert services.key_opens(problem, filed.access_key)
    assert not services.key_opens(problem, filed.access_key[:-1] + "x")
    assert filed.access_key not in problem.access_key_hash
    assert problem.events.get().kind == Event.Kind.SUBMITTED and problem.published_at is None


def test_an_unusable_form_token_is_refused(county):
    with pytest.raises(ValidationError):
        file_problem(county, token="short")


def test_the_whole_loop_with_every_step_timed_and_attributed(
    county, office, handler, housing, supervisor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        problem = file_problem(county, reporter_email=REPORTER_EMAIL).problem
        problem = assigned(problem, office, housing)
    assert mail.outbox[-1].to == ["handler@example.gov.cn"] and problem.number in mail.outbox[-1].subject
    with django_capture_on_commit_callbacks(execute=True):
        problem = services.problem_accept(problem=problem, user=handler, note="已受理。")
        services.problem_progress(problem=problem, user=handler, note="已现场检查，责令施工方整改。")
        problem = services.problem_extend(problem=problem, user=handler, days=15, reason="需等待第三方检测报告。")
        services.problem_rectify(problem=problem, user=handler, note="已覆盖裸土并安装喷淋设施。")
        problem = services.problem_finish(problem=problem, user=handler, note="整改完成。")
        problem = services.problem_close(problem=problem, user=supervisor, note="经现场核查，整改到位，予以销号。")
    assert problem.status == Problem.Status.CLOSED
    kinds = list(problem.events.values_list("kind", flat=True))
    assert kinds == [
        "submitted",
        "published",
        "assigned",
        "accepted",
        "progress",
        "extended",
        "rectified",
        "handled",
        "closed",
    ]
    assert all(event.at is not None for event in problem.events.all())
    assert problem.events.get(kind="accepted").actor == handler
    assert problem.events.get(kind="closed").actor == supervisor
    # The reporter left an address: one message per public step after publication.
    to_reporter = [message for message in mail.outbox if message.to == [REPORTER_EMAIL]]
    assert len(to_reporter) == 8
    assert AuditEntry.objects.filter(object_id=str(problem.pk)).count() == len(kinds)


def test_a_step_out_of_order_is_refused(county, office, handler, housing):
    problem = assigned(file_problem(county).problem, office, housing)
    with pytest.raises(ValidationError):
        services.problem_publish(problem=problem, user=office, public_text="")
    services.problem_accept(problem=problem, user=handler)
    problem.refresh_from_db()
    with pytest.raises(Exception):  # noqa: B017 - either refusal: not the state, nor then the permission
        services.problem_accept(problem=problem, user=handler)
    assert problem.events.filter(kind="accepted").count() == 1


def test_assignment_needs_the_public_text_and_a_department_of_the_chain(county, office, henan_department, housing):
    problem = file_problem(county).problem
    with pytest.raises(ValidationError) as unpublished:
        services.problem_assign(problem=problem, user=office, department=housing)
    assert "public_text" in unpublished.value.message_dict
    with pytest.raises(ValidationError) as elsewhere:
        services.problem_assign(problem=problem, user=office, department=henan_department, public_text="扬尘。")
    assert "department" in elsewhere.value.message_dict


def test_the_office_changes_the_assignment(county, office, housing, transport):
    problem = assigned(file_problem(county).problem, office, housing)
    problem = services.problem_assign(problem=problem, user=office, department=transport, note="运输扬尘。")
    assert problem.department == transport
    assert problem.events.filter(kind="assigned").count() == 2


def test_a_reopened_problem_goes_back_to_its_department(county, office, handler, housing):
    problem = accepted(file_problem(county).problem, office, handler, housing)
    problem = services.problem_finish(problem=problem, user=handler, note="已整改。")
    problem = services.problem_reopen(problem=problem, user=office, reason="复查仍有扬尘。")
    assert problem.status == Problem.Status.ACCEPTED and problem.handled_at is None


def test_the_reporter_adds_information_and_withdraws(county, office, handler, housing):
    filed = file_problem(county)
    event = services.problem_add_information(
        problem=filed.problem, access_key=filed.access_key, text="晚上十点还在施工。"
    )
    assert not event.is_public
    problem = services.problem_withdraw(problem=filed.problem, access_key=filed.access_key, reason="已解决。")
    assert problem.status == Problem.Status.WITHDRAWN
    assert not Problem.objects.public().filter(pk=problem.pk).exists()
    with pytest.raises(ValidationError):
        services.problem_withdraw(problem=problem, access_key=filed.access_key)


def test_inspection_problems_are_public_at_once_and_follow_the_loop(county, supervisor, office, housing):
    problem = services.problem_enter_inspection(
        user=supervisor,
        jurisdiction=county,
        place="莲塘镇某建筑工地",
        category=Problem.Category.AIR,
        description="施工工地未落实扬尘防治措施。",
        inspection="2026年第一轮省级生态环境保护督察",
        observed_on=datetime.date(2026, 2, 1),
    )
    assert problem.source == Problem.Source.SUPERVISION and problem.published_at is not None
    assert problem.public_text == "施工工地未落实扬尘防治措施。"
    assert services.problem_assign(problem=problem, user=office, department=housing).status == "assigned"


NO_LEAD = "河道内漂浮的水葫芦疯长，堵塞河道。"
NEW_DUTY = "负责城市建成区河道水葫芦等水生植物疯长的清理处置工作。"


def test_a_consultation_decision_assigns_the_lead_and_the_next_such_problem_routes_by_itself(
    county, jiangxi, office, housing, transport
):
    assert route(county, NO_LEAD).proposals == []
    problem = file_problem(county, description=NO_LEAD).problem
    services.problem_publish(problem=problem, user=office, public_text="河道水葫芦疯长。")
    consultation = services.consultation_open(
        problem=problem, user=office, departments=[housing, transport], question="水葫芦清理由谁牵头？"
    )
    assert Problem.objects.get(pk=problem.pk).status == Problem.Status.CONSULTING
    consultation = services.consultation_decide(
        consultation=consultation,
        user=office,
        lead=housing,
        decision="由省住房和城乡建设厅牵头，指导各地清理城市河道水葫芦。",
        approved_by="江西省生态环境保护委员会",
        approved_on=datetime.date.today() - datetime.timedelta(days=1),
        duty_text=NEW_DUTY,
    )
    problem = Problem.objects.get(pk=problem.pk)
    assert problem.status == Problem.Status.ASSIGNED and problem.department == housing
    assert consultation.edition is not None and consultation.edition.department == housing
    decided = problem.events.get(kind="decided")
    assert decided.is_public and "江西省生态环境保护委员会" in decided.note
    routing = route(county, "河道里水葫芦太多了")
    assert routing.proposals[0].department == housing
    assert routing.proposals[0].duties[0].duty.text == NEW_DUTY


def test_a_decision_needs_its_approval(county, office, housing, transport):
    problem = file_problem(county, description=NO_LEAD).problem
    services.problem_publish(problem=problem, user=office, public_text="河道水葫芦疯长。")
    consultation = services.consultation_open(
        problem=problem, user=office, departments=[housing, transport], question="?"
    )
    with pytest.raises(ValidationError) as refused:
        services.consultation_decide(
            consultation=consultation,
            user=office,
            lead=housing,
            decision="住建牵头。",
            approved_by="",
            approved_on=None,
        )
    assert "approved_by" in refused.value.message_dict
