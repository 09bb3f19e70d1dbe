"""E-mail about corrections (Django's mail framework): the department's staff and its committee office when
one arrives, the reader (if they left an address) when it is answered. Sent after the transaction commits;
a mail server that fails is logged by the correction's number, never by address, and undoes nothing."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from contact.models import CorrectionRequest
from mailing import send_notice


def _send(subject: str, body: str, recipients, correction: CorrectionRequest) -> int:
    return send_notice(subject, body, recipients, about=f"correction {correction.number}")


def handler_addresses(department) -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    staff = users.filter(membership__department=department)
    offices = users.filter(committee_offices__jurisdiction_id=department.jurisdiction_id)
    return list(staff.values_list("email", flat=True)) + list(offices.values_list("email", flat=True))


def handlers_told(correction_id: int) -> int:
    correction = CorrectionRequest.objects.select_related("department").get(pk=correction_id)
    subject = _("【纠错】%(department)s的清单收到一条纠错意见 %(number)s") % {
        "department": correction.department.name,
        "number": correction.number,
    }
    link = settings.PORTAL_BASE_URL + correction.get_workspace_url()
    body = _("读者认为清单有误：\n\n%(text)s\n\n请核实后答复：%(link)s\n") % {"text": correction.text, "link": link}
    return _send(subject, body, handler_addresses(correction.department), correction)


def reader_told(correction_id: int) -> int:
    correction = CorrectionRequest.objects.select_related("department").get(pk=correction_id)
    if not correction.reporter_email:
        return 0
    subject = _("您的纠错意见 %(number)s 已答复") % {"number": correction.number}
    body = _("%(department)s：%(status)s\n\n%(response)s\n") % {
        "department": correction.department.name,
        "status": correction.get_status_display(),
        "response": correction.response,
    }
    return _send(subject, body, [correction.reporter_email], correction)
