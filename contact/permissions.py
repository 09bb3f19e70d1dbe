"""Who may do what with a department's contact data and the corrections readers send.

- The department's staff (editors and approvers, reports.Membership) and site admins keep its contact data.
- A correction reaches the department's staff and the committee office of its jurisdiction (duties'
  CommitteeOffice), who read it with the reader's e-mail and answer it; site admins read and answer too.
- The reader, holding the private link, reads the status and the answer; the link grants nothing else.
- Nobody else sees a correction: it may name a reader's e-mail.
"""

from duties.models import office_codes
from reports.permissions import is_site_admin, is_staff_of


def can_edit_contact(user, department) -> bool:
    return is_site_admin(user) or is_staff_of(user, department)


def can_handle(user, department) -> bool:
    """Whether `user` reads and answers the corrections sent about `department`'s list."""
    if is_site_admin(user) or is_staff_of(user, department):
        return True
    return bool(getattr(user, "is_active", False)) and department.jurisdiction_id in office_codes(user)


def is_handler(user) -> bool:
    """Whether the account has any corrections to handle (the workspace list is theirs)."""
    from reports.permissions import membership_of

    membership = membership_of(user)
    has_department = membership is not None and membership.is_department_staff
    return is_site_admin(user) or has_department or bool(office_codes(user))
