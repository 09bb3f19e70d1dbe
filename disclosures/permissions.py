"""Who may write a government's quarterly disclosure: its staff (reports.Membership editors and approvers of the
government as a department) draft it; only its approver publishes it. Everybody reads what is published."""

from reports.permissions import is_approver_of, is_staff_of


def can_edit(user, disclosure) -> bool:
    return not disclosure.is_published and is_staff_of(user, disclosure.body)


def can_publish(user, disclosure) -> bool:
    return not disclosure.is_published and is_approver_of(user, disclosure.body)


def can_read_draft(user, disclosure) -> bool:
    return is_staff_of(user, disclosure.body)
