"""Deadline reminders: the handlers of a problem's department are told before its acceptance or handling day,
once per step and deadline (problems.Reminder), however often the command runs."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction

from problems import notifications
from problems.models import Problem, Reminder
from problems.models.limits import today_in_china


def due_reminders(today: datetime.date):
    """(problem, step, due) for each open step whose last day is within PROBLEM_REMINDER_DAYS (or past)."""
    horizon = today + datetime.timedelta(days=settings.PROBLEM_REMINDER_DAYS)
    waiting = Problem.objects.select_related("department").filter(department__isnull=False)
    for problem in waiting.filter(status=Problem.Status.ASSIGNED, acceptance_due__lte=horizon):
        yield problem, "accepted", problem.acceptance_due
    for problem in waiting.filter(status=Problem.Status.ACCEPTED, handling_due__lte=horizon):
        yield problem, "handled", problem.handling_due


def send_reminders(today: datetime.date | None = None) -> int:
    """Send each due reminder once; a concurrent run (cron every few minutes) sends nothing twice."""
    sent = 0
    for problem, step, due in list(due_reminders(today or today_in_china())):
        try:
            with transaction.atomic():
                # The row is the claim: whoever inserts it sends; a second run fails on the unique constraint.
                Reminder.objects.create(problem=problem, step=step, due_on=due)
        except IntegrityError:
            continue
        if notifications.handlers_reminded(problem, step, due):
            sent += 1
    return sent
