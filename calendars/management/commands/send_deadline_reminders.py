"""E-mail the reminders of the deadlines not yet met (calendars/reminders.py); safe to run from cron repeatedly."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from calendars import reminders
from duties.days import parse_day
from reports.rules import today_in_china


class Command(BaseCommand):
    help = (
        "Remind departments of deadlines they have not met (settings.DEADLINE_REMINDER_DAYS days before) and "
        "supervisors of those overdue; each deadline and threshold is sent once, however often this runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="run as if on this day (YYYY-MM-DD, Beijing time); default today")
        parser.add_argument("--dry-run", action="store_true", help="list what would be sent; send and record nothing")

    def handle(self, *args, today=None, dry_run=False, **options):
        try:
            day = parse_day(today) or today_in_china()
        except ValueError as error:
            raise CommandError(f"--today: {error}") from None
        base_url = getattr(settings, "PORTAL_BASE_URL", "")
        counts = {}
        for reminder in reminders.due_reminders(day):
            outcome = reminders.send(reminder, base_url=base_url, dry_run=dry_run)
            if outcome is None:
                continue
            counts[outcome] = counts.get(outcome, 0) + 1
            self.stdout.write(
                f"{outcome}\t{reminder.threshold}\t{reminder.deadline.due}\t{reminder.deadline.uid}\t"
                f"{len(reminder.recipients)} recipient(s)"
            )
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(counts.items())) or "nothing to send"
        self.stdout.write(f"{day}: {summary}.")
