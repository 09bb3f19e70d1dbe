"""Remove reporters' contact details once the retention period after a problem is finished has passed."""

from django.core.management.base import BaseCommand

from problems.retention import contacts_purge


class Command(BaseCommand):
    help = "Remove the contact of reporters of problems finished over PROBLEM_CONTACT_RETENTION_DAYS ago."

    def handle(self, *args, **options):
        self.stdout.write(f"{contacts_purge()} contact(s) removed")
