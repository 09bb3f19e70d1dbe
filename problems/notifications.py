"""E-mail about problems (Django's mail framework): the department's handlers on assignment, on a consultation
and before each deadline; the reporter, if they left an address, on each public step.

Messages are sent after the step's transaction commits; a mail server that fails is logged (by problem
number, never by address) and does not undo the step. The reporter's message carries their private link
only if they asked for mail, and no other person's data.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _

from mailing import send_notice
from problems.models import Consultation, Event, Problem


def _send(subject: str, body: str, recipients, problem: Problem) -> int:
    return send_notice(subject, body, recipients, about=f"problem {problem.number}")


def handler_addresses(department_id) -> list[str]:
    users = get_user_model().objects.filter(is_active=True, handling_roles__department_id=department_id)
    return list(users.exclude(email="").values_list("email", flat=True))


def _work_link(problem: Problem) -> str:
    return reverse("problems:work", args=[problem.number])


def handlers_assigned(problem_id: int) -> int:
    problem = Problem.objects.select_related("department").get(pk=problem_id)
    if problem.department is None:
        return 0
    subject = _("【交办】生态环境问题 %(number)s") % {"number": problem.number}
    body = _(
        "%(department)s：\n\n问题 %(number)s（%(category)s）已交办贵部门，"
        "请于 %(due)s 前受理或退回。\n\n办理页面：%(link)s\n"
    ) % {
        "department": problem.department.name,
        "number": problem.number,
        "category": problem.get_category_display(),
        "due": problem.acceptance_due,
        "link": _work_link(problem),
    }
    return _send(subject, body, handler_addresses(problem.department_id), problem)


def handlers_invited(consultation_id: int) -> int:
    consultation = Consultation.objects.select_related("problem").get(pk=consultation_id)
    problem = consultation.problem
    sent = 0
    for opinion in consultation.opinions.select_related("department"):
        subject = _("【会商】生态环境问题 %(number)s") % {"number": problem.number}
        body = _("%(department)s：\n\n请就以下事项提出会商意见：%(question)s\n\n办理页面：%(link)s\n") % {
            "department": opinion.department.name,
            "question": consultation.question,
            "link": _work_link(problem),
        }
        sent += _send(subject, body, handler_addresses(opinion.department_id), problem)
    return sent


def reporter_step(problem_id: int, event_id: int) -> int:
    problem = Problem.objects.get(pk=problem_id)
    if not problem.reporter_email:
        return 0
    event = Event.objects.select_related("department").get(pk=event_id)
    subject = _("您反映的问题 %(number)s：%(step)s") % {"number": problem.number, "step": event.get_kind_display()}
    body = _("您反映的生态环境问题 %(number)s 有新进展：%(step)s。\n%(note)s\n\n公开页面：%(link)s\n") % {
        "number": problem.number,
        "step": event.get_kind_display(),
        "note": event.note,
        "link": problem.get_absolute_url(),
    }
    return _send(subject, body, [problem.reporter_email], problem)


def handlers_reminded(problem: Problem, step: str, due) -> int:
    label = dict(Event.Kind.choices)[step]
    subject = _("【提醒】问题 %(number)s 的%(step)s期限：%(due)s") % {
        "number": problem.number,
        "step": label,
        "due": due,
    }
    body = _("%(department)s：\n\n问题 %(number)s 的%(step)s期限是 %(due)s。\n\n办理页面：%(link)s\n") % {
        "department": problem.department.name,
        "number": problem.number,
        "step": label,
        "due": due,
        "link": _work_link(problem),
    }
    return _send(subject, body, handler_addresses(problem.department_id), problem)
