"""How long a reporter's contact is kept: settings.PROBLEM_CONTACT_RETENTION_DAYS after the problem is finished
(closed, declined or withdrawn). `purge_reporter_contacts` removes it (name, phone, e-mail); the problem, its
public text and its timeline stay."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from duties.audit import AuditEntry, audit_entry_record
from problems.models import Problem
from problems.models.problems import FINISHED_STATUSES


@transaction.atomic
def contacts_purge(*, now: datetime.datetime | None = None) -> int:
    """Remove the contact of every problem finished more than the retention period ago; return how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.PROBLEM_CONTACT_RETENTION_DAYS)
    expired = (
        Problem.objects.filter(status__in=FINISHED_STATUSES, closed_at__lt=cutoff, contact_purged_at__isnull=True)
        .exclude(reporter_name="", reporter_phone="", reporter_email="")
        .select_for_update()
    )
    problems = list(expired)
    for problem in problems:
        audit_entry_record(
            user=None,
            action=AuditEntry.Action.CHANGE,
            obj=problem,
            reason="contact retention",
            changes={"contact_purged_at": [None, now.isoformat()]},
        )
    Problem.objects.filter(pk__in=[problem.pk for problem in problems]).update(
        reporter_name="", reporter_phone="", reporter_email="", contact_purged_at=now
    )
    return len(problems)
