"""Who may do what with a department's draft list: one predicate per question, shared by services, selectors,
views and templates.

- The department's staff (reports.Membership editors and approvers) prepare the draft while it is being written
  or has been returned, and submit it for the first review (初审); only its approver publishes it.
- The committee office of the department's own jurisdiction (duties' CommitteeOffice) reviews it: a county's list
  goes to the county's office, a province department's to the province's (Jiangxi (三): "报经省环委会办公室初审").
  It approves it or returns it with comments; it never edits the rows.
- The approval (审定) by the party committee and the government is recorded by the department's approver or the
  office, whichever received the decision.
- A province's supervisors read every draft of the province once it has been submitted; they never write.
- Site admins read everything (and keep the direct import in the admin for corrections).
- The public reads only the published edition, on the duty-list pages.
"""

from duties.models import Jurisdiction, office_codes
from duties.models.jurisdictions import province_of
from listdrafts.models import ListDraft
from reports.permissions import is_approver_of, is_site_admin, is_staff_of, membership_of, supervises

__all__ = ["is_approver_of", "is_site_admin", "is_staff_of", "membership_of", "supervises"]


def is_office_of(user, jurisdiction) -> bool:
    """A list is reviewed by the office of the department's own jurisdiction, not by one above it."""
    return jurisdiction.pk in office_codes(user)


def office_jurisdictions(user) -> list:
    return list(Jurisdiction.objects.filter(pk__in=office_codes(user)))


def can_read(user, draft: ListDraft) -> bool:
    """The draft as it stands, in the workspace: its department always; the office and supervisors once submitted."""
    department = draft.department
    if is_site_admin(user) or is_staff_of(user, department):
        return True
    if draft.first_submitted_at is None:
        return False
    return is_office_of(user, department.jurisdiction) or supervises(user, province_of(department.jurisdiction))


def can_create(user, department) -> bool:
    return is_staff_of(user, department)


def can_edit(user, draft: ListDraft) -> bool:
    """Rows are written while the draft is being prepared or after the office returned it."""
    return draft.is_editable and is_staff_of(user, draft.department)


def can_submit(user, draft: ListDraft) -> bool:
    """The department's editor (or approver) submits the draft for the first review."""
    return can_edit(user, draft)


def can_review(user, draft: ListDraft) -> bool:
    """Only a submitted draft is approved or returned, by the office of the department's own jurisdiction."""
    return draft.state == ListDraft.State.SUBMITTED and is_office_of(user, draft.department.jurisdiction)


def can_record_approval(user, draft: ListDraft) -> bool:
    """After the first review, the approval (审定) is recorded by the department's approver or by the office."""
    if draft.state != ListDraft.State.REVIEWED:
        return False
    return is_approver_of(user, draft.department) or is_office_of(user, draft.department.jurisdiction)


def can_publish(user, draft: ListDraft) -> bool:
    """An approved list is published by its department's approver (it publishes it on its own website, too)."""
    return draft.state == ListDraft.State.APPROVED and is_approver_of(user, draft.department)
