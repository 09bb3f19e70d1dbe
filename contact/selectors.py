"""Reads of contact data and corrections, each in a fixed number of queries."""

from django.db.models import Q

from contact import permissions
from contact.models import CorrectionRequest, DepartmentContact
from contact.services import digest
from duties.models import office_codes
from reports.permissions import is_site_admin, membership_of


def contact_of(department) -> DepartmentContact | None:
    """The department's contact data, or None where nothing is known."""
    contact = DepartmentContact.objects.filter(department=department).first()
    return None if contact is None or contact.is_empty else contact


def corrections_for(user):
    """The corrections `user` handles, newest first: their department's, their offices' jurisdictions'."""
    queryset = CorrectionRequest.objects.select_related("department__jurisdiction", "duty")
    if is_site_admin(user):
        return queryset
    scope = Q(department__jurisdiction__in=office_codes(user))
    membership = membership_of(user)
    if membership is not None and membership.is_department_staff:
        scope |= Q(department_id=membership.department_id)
    return queryset.filter(scope)


def correction_for_work(user, pk: int) -> CorrectionRequest | None:
    correction = CorrectionRequest.objects.select_related("department__jurisdiction", "duty").filter(pk=pk).first()
    return correction if correction is not None and permissions.can_handle(user, correction.department) else None


def correction_by_key(access_key: str) -> CorrectionRequest | None:
    if not access_key:
        return None
    queryset = CorrectionRequest.objects.select_related("department__jurisdiction__parent__parent", "duty")
    return queryset.filter(access_key_hash=digest(access_key)).first()
