"""Who may read and do what with a problem: one predicate per question, shared by services, selectors,
views and the API so that every door gives the same answer.

- Everybody reads a published problem's public page: moderated text, category, county, department, the
  public steps. Nobody but the office and the assigned department ever sees the reporter's contact.
- The reporter, holding the private link, follows the problem (every public step, their own words),
  adds information and withdraws it while it is open. The link is the only proof: it grants nothing else.
- A jurisdiction's committee office (duties' CommitteeOffice) works on the problems of that jurisdiction and
  of the cities and counties under it: publishes them, assigns (交办) or changes the assignment, declines,
  opens and decides consultations, verifies and closes (销号) or reopens.
- A department's handlers (HandlingRole) work on the problems assigned to their department: accept
  or return, post progress, take the one extension, record rectification, finish; and give the department's
  opinion in a consultation it is invited to.
- A province's supervisors (reports.Membership SUPERVISOR) read every problem of the province (without the
  reporter's contact), verify and close or reopen, and enter the problems inspections find.
- Site admins read everything but the reporter's contact; they manage roles in the admin.
"""

from duties.models import office_codes
from problems.models import HandlingRole, Problem
from reports.models import Membership
from reports.permissions import is_site_admin, membership_of

__all__ = ["is_site_admin"]


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def _handled(user) -> list[int]:
    """The departments the account handles for, read once per request (the account object keeps them)."""
    if not _active(user):
        return []
    cached = getattr(user, "_handled_departments", None)
    if cached is None:
        cached = list(HandlingRole.objects.filter(user=user).values_list("department_id", flat=True))
        user._handled_departments = cached
    return cached


def chain_of(jurisdiction) -> list[str]:
    """The jurisdiction's code and those of the levels above it (county, city, province)."""
    codes = []
    while jurisdiction is not None:
        codes.append(jurisdiction.pk)
        jurisdiction = jurisdiction.parent
    return codes


def office_jurisdictions(user) -> list[str]:
    return office_codes(user) if _active(user) else []


def handled_departments(user) -> list[int]:
    return _handled(user)


def is_office_for(user, jurisdiction) -> bool:
    """Whether `user` is the committee office of `jurisdiction` or of a level above it."""
    offices = set(office_jurisdictions(user))
    return bool(offices) and any(code in offices for code in chain_of(jurisdiction))


def is_handler_of(user, department) -> bool:
    return department is not None and department.pk in handled_departments(user)


def supervised_province(user) -> str | None:
    membership = membership_of(user)
    if membership is not None and membership.role == Membership.Role.SUPERVISOR:
        return membership.province_id
    return None


def supervises(user, jurisdiction) -> bool:
    province = supervised_province(user)
    return province is not None and province in chain_of(jurisdiction)


def is_staff_user(user) -> bool:
    """Whether the account has any role on problems (the workspace is theirs)."""
    has_role = bool(office_jurisdictions(user) or handled_departments(user))
    return has_role or supervised_province(user) is not None or is_site_admin(user)


# Reading ---------------------------------------------------------------------------------------------


def can_read_public(problem: Problem) -> bool:
    return problem.published_at is not None and problem.status != Problem.Status.WITHDRAWN


def can_work_on(user, problem: Problem) -> bool:
    """Whether `user` sees the problem's internal page (all steps, the original text, the place)."""
    return (
        is_office_for(user, problem.jurisdiction)
        or is_handler_of(user, problem.department)
        or supervises(user, problem.jurisdiction)
        or is_site_admin(user)
        or can_give_opinion_on(user, problem)
    )


def can_read_contact(user, problem: Problem) -> bool:
    """Only the office and the assigned department's handlers see who reported it and how to reach them."""
    return is_office_for(user, problem.jurisdiction) or is_handler_of(user, problem.department)


def can_give_opinion_on(user, problem: Problem) -> bool:
    handled = set(handled_departments(user))
    if not handled:
        return False
    return any(
        opinion.department_id in handled
        for consultation in problem.consultations.all()
        if not consultation.is_decided
        for opinion in consultation.opinions.all()
    )


# The office --------------------------------------------------------------------------------------------


def can_publish(user, problem: Problem) -> bool:
    return is_office_for(user, problem.jurisdiction) and problem.status not in (Problem.Status.WITHDRAWN,)


def can_assign(user, problem: Problem) -> bool:
    return is_office_for(user, problem.jurisdiction) and problem.status in (Problem.Status.NEW, Problem.Status.ASSIGNED)


def can_decline(user, problem: Problem) -> bool:
    return is_office_for(user, problem.jurisdiction) and problem.status == Problem.Status.NEW


def can_open_consultation(user, problem: Problem) -> bool:
    return is_office_for(user, problem.jurisdiction) and problem.status in (Problem.Status.NEW, Problem.Status.ASSIGNED)


def can_decide_consultation(user, problem: Problem) -> bool:
    return is_office_for(user, problem.jurisdiction) and problem.status == Problem.Status.CONSULTING


def can_verify(user, problem: Problem) -> bool:
    """Verify the department's work and close (销号) or reopen: the office or the province's supervisors."""
    allowed = is_office_for(user, problem.jurisdiction) or supervises(user, problem.jurisdiction)
    return allowed and problem.status == Problem.Status.HANDLED


# The assigned department ----------------------------------------------------------------------------


def can_accept(user, problem: Problem) -> bool:
    return is_handler_of(user, problem.department) and problem.status == Problem.Status.ASSIGNED


def can_return(user, problem: Problem) -> bool:
    return can_accept(user, problem)


def can_handle(user, problem: Problem) -> bool:
    """Post progress, extend, record rectification, finish: the handlers while the problem is accepted."""
    return is_handler_of(user, problem.department) and problem.status == Problem.Status.ACCEPTED


def can_give_opinion(user, opinion) -> bool:
    return is_handler_of(user, opinion.department) and not opinion.consultation.is_decided


# Supervisors -------------------------------------------------------------------------------------------


def can_enter_inspection(user, jurisdiction) -> bool:
    return supervises(user, jurisdiction)


# The reporter ------------------------------------------------------------------------------------------


def can_withdraw(problem: Problem) -> bool:
    """The reporter (with the link) may withdraw while the problem is open."""
    return problem.is_open


def can_add_information(problem: Problem) -> bool:
    return problem.is_open
