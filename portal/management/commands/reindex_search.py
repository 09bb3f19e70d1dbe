"""Rebuild the search columns of every duty list row (after an upgrade or a bulk change made in SQL)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from duties import search_index
from reports import search_index as report_search_index


class Command(BaseCommand):
    help = "Recompute the normalised search text of departments, documents, provisions, duties and published reports."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")

    def handle(self, *args, database, **options):
        with transaction.atomic(using=database):
            changed = search_index.reindex_all(using=database) + report_search_index.reindex_reports(using=database)
        self.stdout.write(f"Re-indexed {changed} rows.")
