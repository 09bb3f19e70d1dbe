"""Load the duty-list fixture and index it for search, in one transaction: all of it or none of it."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F

from duties import search_index, selectors
from duties.models import Department, Document, DutyItem, Edition, Jurisdiction, Provision


class Command(BaseCommand):
    help = "Load fixtures/duties.json. Loading again changes nothing; a failed load changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("fixture", nargs="?", default=str(settings.DUTY_FIXTURE_PATH))

    def handle(self, *args, fixture, **options):
        if Edition.objects.exists():
            # Loading the fixture again would put back the versions that editions have since ended.
            self.stdout.write("Skipped: the lists have editions since the fixture was loaded (see the changes pages).")
            return
        with transaction.atomic():
            call_command("loaddata", fixture, verbosity=0)
            DutyItem.objects.filter(lineage__isnull=True).update(lineage=F("pk"))
            search_index.reindex_all()
        selectors.forget_cached_counts()
        self.stdout.write(
            f"Loaded {Jurisdiction.objects.count()} jurisdictions, {Department.objects.count()} departments, "
            f"{Document.objects.count()} documents, {Provision.objects.count()} provisions, "
            f"{DutyItem.objects.count()} duty items."
        )
