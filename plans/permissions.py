"""Who may read and write which annual plan: one predicate per question, shared by services, selectors and views.

- Department staff (editors and approvers, reports.Membership) write their department's plan while it is a
  draft or returned; only the approver submits it for record, publishes it and opens a revision.
- The committee office of the department's own jurisdiction (duties' CommitteeOffice) reads every plan submitted to it
  and acknowledges or returns it; it never edits one.
- A province's supervisors read every plan of that province that has been submitted at least once.
- Everybody reads the revision last published.
"""

from duties.models import Jurisdiction, office_codes
from duties.models.jurisdictions import province_of
from plans.models import AnnualPlan
from reports import permissions as report_permissions
from reports.permissions import is_approver_of, is_site_admin, is_staff_of, supervises


def is_office_of(user, jurisdiction) -> bool:
    """Plans are filed with the office of the department's own jurisdiction, not with one above it."""
    return jurisdiction.pk in office_codes(user)


def office_jurisdictions(user) -> list:
    """The jurisdictions whose committee office `user` is."""
    return list(Jurisdiction.objects.filter(pk__in=office_codes(user)))


def can_read(user, plan: AnnualPlan) -> bool:
    """The plan as it stands now (drafts included for its department); the public reads only what is published."""
    department = plan.department
    if is_site_admin(user) or is_staff_of(user, department):
        return True
    if plan.first_submitted_at is None:
        return False
    return is_office_of(user, department.jurisdiction) or supervises(user, province_of(department.jurisdiction))


def can_create(user, department) -> bool:
    return is_staff_of(user, department)


def can_edit(user, plan: AnnualPlan) -> bool:
    return plan.is_editable and is_staff_of(user, plan.department)


def can_submit(user, plan: AnnualPlan) -> bool:
    """Only a draft or a returned plan is submitted for record, and only by its department's approver."""
    return plan.is_editable and is_approver_of(user, plan.department)


def can_decide(user, plan: AnnualPlan) -> bool:
    """Only a plan waiting for the office is acknowledged or returned, by the office of its own jurisdiction."""
    return plan.state == AnnualPlan.State.SUBMITTED and is_office_of(user, plan.department.jurisdiction)


def can_publish(user, plan: AnnualPlan) -> bool:
    return plan.state == AnnualPlan.State.ACKNOWLEDGED and is_approver_of(user, plan.department)


def can_revise(user, plan: AnnualPlan) -> bool:
    """A published plan is changed by a new revision, which goes through the office again."""
    return plan.state == AnnualPlan.State.PUBLISHED and is_approver_of(user, plan.department)


membership_of = report_permissions.membership_of
