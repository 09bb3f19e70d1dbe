"""Who may read and write which report: one predicate per question, shared by services,
selectors and views so that the answer is the same whichever door is used.

- Department staff (editors and approvers) read and write their own department's
  reports; only the approver submits, publishes and corrects.
- A province's supervisors read every filed report of that province's departments and
  its compliance board; they never read drafts and never write.
- Site admins (superusers) read everything and see every board; they manage accounts in
  the admin but do not write a department's report.
- Everybody, signed in or not, reads published reports.
"""

from django.core.exceptions import ObjectDoesNotExist

from reports.models import Membership


def membership_of(user) -> Membership | None:
    if not user.is_authenticated or not user.is_active:
        return None
    try:
        return user.membership
    except ObjectDoesNotExist:
        return None


def is_site_admin(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_superuser


def is_staff_of(user, department) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.is_department_staff and membership.department_id == department.pk


def is_approver_of(user, department) -> bool:
    membership = membership_of(user)
    return (
        membership is not None
        and membership.role == Membership.Role.APPROVER
        and membership.department_id == department.pk
    )


def supervises(user, province) -> bool:
    """Whether `user` may see `province`'s compliance board and its filed reports."""
    if is_site_admin(user):
        return True
    membership = membership_of(user)
    return (
        membership is not None
        and membership.role == Membership.Role.SUPERVISOR
        and membership.province_id == province.pk
    )


def can_read(user, report) -> bool:
    if report.is_published or is_site_admin(user) or is_staff_of(user, report.department):
        return True
    return report.is_filed and supervises(user, report.department.jurisdiction)


def can_create(user, department) -> bool:
    return is_staff_of(user, department)


def can_edit_draft(user, report) -> bool:
    return report.is_draft and is_staff_of(user, report.department)


def can_submit(user, report) -> bool:
    """Only a draft is submitted, and only by its department's approver."""
    return report.is_draft and is_approver_of(user, report.department)


def can_publish(user, report) -> bool:
    """Only a submitted (not yet published) report is published, by its department's approver."""
    return report.state == report.State.SUBMITTED and is_approver_of(user, report.department)


def can_correct(user, report) -> bool:
    return report.is_filed and is_approver_of(user, report.department)
