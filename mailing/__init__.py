"""Sending a notice by e-mail after a step has committed: a mail server that fails is logged by what the mail
was about (never by address) and undoes nothing. Knows no app: each app says what to send to whom."""

import logging

from django.conf import settings
from django.core.mail import send_mail

logger = logging.getLogger(__name__)


def send_notice(subject: str, body: str, recipients, *, about: str) -> int:
    """Send one message to the distinct non-empty `recipients`; `about` names the record in the log."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    try:
        return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception as error:  # a mail server down must not undo the step, nor hide the failure
        logger.error("%s: notification failed (%s)", about, type(error).__name__)
        return 0
