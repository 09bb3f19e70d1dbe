"""Load the duty-list fixture and index it for search, in one transaction: all of it or none of it."""

from django.conf import settings
from django.core.management.base import BaseCommand

from duties.models import Department, Document, DutyItem, Jurisdiction, Provision
from duties.services.fixtures import FixtureRefused, fixture_load


class Command(BaseCommand):
    help = "Load fixtures/duties.json. Loading again changes nothing; a failed load changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("fixture", nargs="?", default=str(settings.DUTY_FIXTURE_PATH))

    def handle(self, *args, fixture, **options):
        try:
            fixture_load(path=fixture)
        except FixtureRefused:
            self.stdout.write("Skipped: the lists have editions since the fixture was loaded (see the changes pages).")
            return
        self.stdout.write(
            f"Loaded {Jurisdiction.objects.count()} jurisdictions, {Department.objects.count()} departments, "
            f"{Document.objects.count()} documents, {Provision.objects.count()} provisions, "
            f"{DutyItem.objects.count()} duty items."
        )
