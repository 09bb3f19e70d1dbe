"""E-mails the report workflow sends, through Django's mail framework (settings.EMAIL_BACKEND)."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _


def ready_for_review(report, *, editor, approvers) -> int:
    """Tell the department's approvers that `editor` marked the draft ready: what, by whom, and where to read it."""
    recipients = [approver.email for approver in approvers if approver.email]
    if not recipients:
        return 0
    subject = _("待审核：%(report)s") % {"report": report}
    body = _("%(editor)s 已将《%(report)s》的草稿标记为可供审核。\n\n请登录工作台查看并决定是否报送：\n%(url)s\n") % {
        "editor": editor.get_full_name() or editor.get_username(),
        "report": report,
        "url": f"{settings.PORTAL_BASE_URL}{report.get_workspace_url()}",
    }
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
