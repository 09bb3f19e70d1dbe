"""Generate the synthetic national dataset (duties/synthetic.py) for benchmarks: every province, city and county."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from duties import selectors, synthetic
from duties.models import Department, Document, DutyItem, DutyRole, Jurisdiction, Provision

FLUSH_EVERY = 100  # jurisdictions per round of bulk inserts
BATCH_SIZE = 5000


class Command(BaseCommand):
    help = (
        "Add a synthetic duty list for every GB/T 2260 province, city and county not yet in the database "
        "(about half a million duties with the defaults). For benchmark databases only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--departments", type=int, default=15, help="departments per jurisdiction")
        parser.add_argument("--duties", type=int, default=10, help="duties each department leads")
        parser.add_argument("--provinces", type=int, default=None, help="only the first N provinces (for tests)")
        parser.add_argument("--seed", type=int, default=2022)
        parser.add_argument("--database", default="default")
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off (a production database!)")

    def handle(self, *args, departments, duties, provinces, seed, database, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "This adds synthetic lists to the database; run it with DEBUG=1 on a benchmark database."
            )
        if departments < 1 or duties < 1:
            raise CommandError("--departments and --duties must be at least 1.")
        try:
            builder = synthetic.NationalDatasetBuilder(
                departments_per_jurisdiction=departments, duties_per_department=duties, seed=seed, using=database
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        totals = dict.fromkeys(["jurisdictions", "departments", "provisions", "duties", "roles"], 0)
        with transaction.atomic(using=database):
            synthetic.drop_search_indexes(database)
            jurisdictions = builder.new_jurisdictions(limit_provinces=provinces)
            Jurisdiction.objects.using(database).bulk_create(jurisdictions, batch_size=BATCH_SIZE)
            totals["jurisdictions"] = len(jurisdictions)
            pending = [[], [], [], [], []]
            for count, jurisdiction in enumerate(tqdm(jurisdictions, desc="jurisdictions", unit=""), start=1):
                rows = builder.rows_for(
                    jurisdiction,
                    department_id=int(jurisdiction.code) * 1000 + 1,
                    document_id=int(jurisdiction.code + "01"),
                )
                pending[0].append(rows[0])
                for bucket, new_rows in zip(pending[1:], rows[1:], strict=True):
                    bucket.extend(new_rows)
                if count % FLUSH_EVERY == 0 or count == len(jurisdictions):
                    self._flush(pending, database, totals)
                    pending = [[], [], [], [], []]
            synthetic.create_search_indexes(database)
        selectors.forget_cached_counts()
        self.stdout.write(
            "Added {jurisdictions} jurisdictions, {departments} departments, {duties} duties "
            "({provisions} provisions, {roles} department roles).".format(**totals)
        )

    def _flush(self, pending, database, totals):
        documents, departments, provisions, duties, roles = pending
        for model, rows, name in [
            (Document, documents, None),
            (Department, departments, "departments"),
            (Provision, provisions, "provisions"),
            (DutyItem, duties, "duties"),
            (DutyRole, roles, "roles"),
        ]:
            model.objects.using(database).bulk_create(rows, batch_size=BATCH_SIZE)
            if name:
                totals[name] += len(rows)
