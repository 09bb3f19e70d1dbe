"""Remind departments' handlers of deadlines coming up; safe to run from cron every few minutes."""

from django.core.management.base import BaseCommand

from problems.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail the handlers of each problem whose acceptance or handling deadline is near (once per step)."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminder(s) sent")
