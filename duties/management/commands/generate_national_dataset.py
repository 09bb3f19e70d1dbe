"""Generate the synthetic national dataset (duties/synthetic.py) for benchmarks: every province, city and county."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from duties import selectors, synthetic, synthetic_load
from duties.models import Jurisdiction

INDEX_WORKERS = 2  # the n-gram indexes built side by side (the machine's cores)
FLUSH_EVERY = 100  # jurisdictions per round of bulk inserts
PLURALS = {
    "document": "documents",
    "department": "departments",
    "provision": "provisions",
    "duty": "duties",
    "role": "roles",
}


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
        # Indexes missing since a run that stopped before building them are built first.
        synthetic_load.create_search_indexes(database, workers=INDEX_WORKERS, analyze=False)
        with transaction.atomic(using=database):
            synthetic_load.drop_search_indexes(database)
            totals = self._generate(builder, synthetic_load.writer_for(database), provinces, database)
        # Built once the rows are committed, side by side (inside a caller's transaction: in it, one by one).
        synthetic_load.create_search_indexes(database, workers=INDEX_WORKERS)
        selectors.forget_cached_counts()
        self.stdout.write(
            "Added {jurisdictions} jurisdictions, {departments} departments, {duties} duties "
            "({provisions} provisions, {roles} department roles).".format(**totals)
        )

    def _generate(self, builder, writer, provinces, database) -> dict[str, int]:
        jurisdictions = builder.new_jurisdictions(limit_provinces=provinces)
        Jurisdiction.objects.using(database).bulk_create(jurisdictions, batch_size=5000)
        totals = dict.fromkeys(synthetic.COLUMNS, 0)
        progress = tqdm(total=len(jurisdictions), desc="jurisdictions", unit="")
        for start in range(0, len(jurisdictions), FLUSH_EVERY):
            pending = {table: [] for table in synthetic.COLUMNS}
            for jurisdiction in jurisdictions[start : start + FLUSH_EVERY]:
                rows = builder.rows_for(
                    jurisdiction,
                    department_id=int(jurisdiction.code) * 1000 + 1,
                    document_id=int(jurisdiction.code + "01"),
                )
                for table, new_rows in rows.items():
                    pending[table].extend(new_rows)
            writer.write(pending)
            for table, rows in pending.items():
                totals[table] += len(rows)
            progress.update(len(jurisdictions[start : start + FLUSH_EVERY]))
        progress.close()
        return {"jurisdictions": len(jurisdictions)} | {PLURALS[table]: count for table, count in totals.items()}
