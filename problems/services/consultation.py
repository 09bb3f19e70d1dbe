"""Consultation (会商) on a problem whose lead no list makes clear: the office invites the departments
concerned, each records its opinion, the office records the approved decision, which is public, assigns the
lead and may add the duty to the lead's list as a new edition."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from problems import lists, notifications, permissions
from problems.models import Consultation, Event, Opinion, Problem
from problems.models.limits import today_in_china
from problems.search_index import reindex_problem
from problems.services.common import deny_unless, locked, record_step, refuse_state, required

NO_DEPARTMENTS = _("请至少邀请两个部门参加会商。")
NOT_IN_JURISDICTION = _("只能邀请本行政区或上级行政区的部门。")
NOT_PUBLISHED = _("请先审核并公开问题描述，再发起会商。")
ALREADY_DECIDED = _("这次会商已经作出决定。")
APPROVAL_REQUIRED = _("请填写审定机关和审定日期。")
APPROVED_IN_FUTURE = _("审定日期不能晚于今天。")


@transaction.atomic
def consultation_open(*, problem: Problem, user, departments, question: str) -> Consultation:
    """Open a consultation on the problem and invite `departments` to give their opinions."""
    problem = locked(problem)
    deny_unless(permissions.can_open_consultation(user, problem))
    if problem.status not in (Problem.Status.NEW, Problem.Status.ASSIGNED):
        refuse_state(problem)
    if problem.published_at is None:
        raise ValidationError({"public_text": NOT_PUBLISHED})
    departments = list(dict.fromkeys(departments))
    if len(departments) < 2:
        raise ValidationError({"departments": NO_DEPARTMENTS})
    chain = permissions.chain_of(problem.jurisdiction)
    if any(department.jurisdiction_id not in chain for department in departments):
        raise ValidationError({"departments": NOT_IN_JURISDICTION})
    now = timezone.now()
    consultation = Consultation(
        problem=problem, question=required(question, field="question"), opened_at=now, opened_by=user
    )
    consultation.full_clean(exclude=["problem"])
    consultation.save()
    Opinion.objects.bulk_create(Opinion(consultation=consultation, department=department) for department in departments)
    problem.status, problem.department, problem.assigned_at = Problem.Status.CONSULTING, None, None
    problem.save(update_fields=["status", "department", "assigned_at"])
    names = "、".join(department.name for department in departments)
    record_step(
        problem,
        Event.Kind.CONSULTATION_OPENED,
        user=user,
        note=_("%(question)s（参加会商：%(names)s）") % {"question": consultation.question, "names": names},
    )
    reindex_problem(problem)
    transaction.on_commit(lambda: notifications.handlers_invited(consultation.pk))
    return consultation


@transaction.atomic
def opinion_record(*, opinion: Opinion, user, text: str) -> Opinion:
    """Record an invited department's opinion (it may revise it until the decision)."""
    deny_unless(permissions.can_give_opinion(user, opinion))
    opinion = (
        Opinion.objects.select_for_update(of=("self",))
        .select_related("consultation__problem", "department")
        .get(pk=opinion.pk)
    )
    if opinion.consultation.is_decided:
        raise ValidationError(ALREADY_DECIDED, code="state")
    opinion.text, opinion.recorded_at, opinion.recorded_by = required(text, field="text"), timezone.now(), user
    opinion.save(update_fields=["text", "recorded_at", "recorded_by"])
    record_step(
        opinion.consultation.problem,
        Event.Kind.OPINION,
        user=user,
        department=opinion.department,
        note=opinion.text,
        is_public=False,
    )
    return opinion


@transaction.atomic
def consultation_decide(
    *,
    consultation: Consultation,
    user,
    lead,
    decision: str,
    approved_by: str,
    approved_on: datetime.date,
    duty_text: str = "",
) -> Consultation:
    """Record the approved decision: it is public, assigns the problem to `lead` and, with `duty_text`, adds that
    duty to the lead's list as a new edition in force from today."""
    problem = locked(consultation.problem)
    deny_unless(permissions.can_decide_consultation(user, problem))
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.is_decided:
        raise ValidationError(ALREADY_DECIDED, code="state")
    if lead.jurisdiction_id not in permissions.chain_of(problem.jurisdiction):
        raise ValidationError({"lead": NOT_IN_JURISDICTION})
    if not approved_by.strip() or approved_on is None:
        raise ValidationError({"approved_by": APPROVAL_REQUIRED})
    if approved_on > today_in_china():
        raise ValidationError({"approved_on": APPROVED_IN_FUTURE})
    now = timezone.now()
    consultation.decision = required(decision, field="decision")
    consultation.lead, consultation.approved_by, consultation.approved_on = lead, approved_by.strip(), approved_on
    consultation.decided_at, consultation.decided_by = now, user
    consultation.duty_text = duty_text.strip()
    if consultation.duty_text:
        consultation.edition = lists.duty_list_add(
            department=lead,
            text=consultation.duty_text,
            basis=_("%(approved_by)s会商决定（%(day)s），问题 %(number)s")
            % {"approved_by": consultation.approved_by, "day": approved_on, "number": problem.number},
            summary=consultation.decision,
            effective_on=today_in_china(),
            user=user,
        )
    consultation.full_clean(exclude=["problem"])
    consultation.save()
    record_step(
        problem,
        Event.Kind.DECIDED,
        user=user,
        department=lead,
        note=_("%(decision)s（%(approved_by)s %(day)s 审定；牵头部门：%(lead)s）")
        % {
            "decision": consultation.decision,
            "approved_by": consultation.approved_by,
            "day": approved_on,
            "lead": lead.name,
        },
    )
    problem.status, problem.department, problem.assigned_at = Problem.Status.ASSIGNED, lead, now
    problem.full_clean()
    problem.save()
    record_step(problem, Event.Kind.ASSIGNED, user=user, department=lead, due_on=problem.acceptance_due)
    reindex_problem(problem)
    transaction.on_commit(lambda: notifications.handlers_assigned(problem.pk))
    return consultation
