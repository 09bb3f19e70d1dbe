"""Deadline reminders (once per step, however often cron runs the command) and the contact retention purge."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from problems import services
from problems.models import Problem, Reminder
from problems.reminders import send_reminders
from problems.retention import contacts_purge
from tests.problems.factories import REPORTER_NAME, REPORTER_PHONE, accepted, assigned, beijing, file_problem

pytestmark = pytest.mark.django_db


def test_the_handlers_are_reminded_once_before_the_acceptance_day(clock, county, office, handler, housing, settings):
    settings.PROBLEM_REMINDER_DAYS = 3
    clock.set(beijing(2026, 3, 1, 10))
    assigned(file_problem(county).problem, office, housing)
    mail.outbox.clear()
    assert send_reminders(datetime.date(2026, 3, 12)) == 0  # 16 March is 4 days away
    assert send_reminders(datetime.date(2026, 3, 13)) == 1
    for _ in range(3):
        call_command("send_problem_reminders", stdout=StringIO())
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["handler@example.gov.cn"]
    assert "2026-03-16" in mail.outbox[0].subject
    assert Reminder.objects.get().step == "accepted"


def test_an_extension_brings_a_new_reminder_for_the_new_day(clock, county, office, handler, housing):
    clock.set(beijing(2026, 3, 5, 10))
    problem = accepted(file_problem(county).problem, office, handler, housing)
    assert send_reminders(datetime.date(2026, 5, 2)) == 1
    clock.set(beijing(2026, 5, 3, 10))
    services.problem_extend(problem=problem, user=handler, days=20, reason="待检测。")
    assert send_reminders(datetime.date(2026, 5, 2)) == 0
    assert send_reminders(datetime.date(2026, 5, 22)) == 1
    assert Reminder.objects.filter(step="handled").count() == 2


def test_contacts_are_removed_after_the_retention_period(clock, county, settings):
    settings.PROBLEM_CONTACT_RETENTION_DAYS = 30
    clock.set(beijing(2026, 1, 1, 10))
    filed = file_problem(county, reporter_email="a@example.com")
    services.problem_withdraw(problem=filed.problem, access_key=filed.access_key)
    open_one = file_problem(county).problem
    assert contacts_purge(now=beijing(2026, 1, 30)) == 0
    assert contacts_purge(now=beijing(2026, 2, 1)) == 1
    purged = Problem.objects.get(pk=filed.problem.pk)
    assert (purged.reporter_name, purged.reporter_phone, purged.reporter_email) == ("", "", "")
    assert purged.contact_purged_at is not None
    still = Problem.objects.get(pk=open_one.pk)
    assert (still.reporter_name, still.reporter_phone) == (REPORTER_NAME, REPORTER_PHONE)
    out = StringIO()
    call_command("purge_reporter_contacts", stdout=out)
    assert "0 contact(s)" in out.getvalue()
