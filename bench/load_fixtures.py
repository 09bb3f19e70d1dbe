"""Benchmark: load all four provinces into an empty database.

Compares `manage.py load_duties` (Django's loaddata in one transaction) against a baseline
measured in the same run: the same rows inserted with bulk_create, the fastest ORM path.
Run: .venv/bin/python bench/load_fixtures.py   (DATABASE_URL selects PostgreSQL)
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.test_settings")

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

from duties.models import (  # noqa: E402
    Department,
    Document,
    DocumentIssuer,
    DutyItem,
    DutyRole,
    Jurisdiction,
    Provision,
    Repair,
    ReportingRule,
    Sector,
)

ROUNDS = 5
DELETE_ORDER = [DutyRole, DutyItem, Repair, ReportingRule, DocumentIssuer]


def empty_tables():
    with transaction.atomic():
        for model in DELETE_ORDER:
            model.objects.all().delete()
        Department.objects.update(key_duties_provision=None)
        for model in [Provision, Document, Department, Jurisdiction, Sector]:
            model.objects.all().delete()


def load_with_command():
    call_command("load_duties", verbosity=0, stdout=open(os.devnull, "w"))


def load_with_bulk_create(objects_by_model):
    with transaction.atomic():
        for label, rows in objects_by_model.items():
            model = apps.get_model(label)
            instances = []
            for row in rows:
                fields = {}
                for name, value in row["fields"].items():
                    field = model._meta.get_field(name)
                    fields[field.attname if field.is_relation else name] = value
                instances.append(model(pk=row["pk"], **fields))
            model.objects.bulk_create(instances)


def timed(function, *args):
    empty_tables()
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        fixture = json.loads(Path(settings.DUTY_FIXTURE_PATH).read_text(encoding="utf-8"))
        order = [
            "duties.sector",
            "duties.jurisdiction",
            "duties.document",
            "duties.provision",
            "duties.department",
            "duties.documentissuer",
            "duties.dutyitem",
            "duties.dutyrole",
            "duties.repair",
            "duties.reportingrule",
        ]
        objects_by_model = {label: [o for o in fixture if o["model"] == label] for label in order}
        baseline = [timed(load_with_bulk_create, objects_by_model) for _ in range(ROUNDS)]
        command = [timed(load_with_command) for _ in range(ROUNDS)]
        base, real = statistics.median(baseline), statistics.median(command)
        print(f"database: {connection.vendor}; {len(fixture)} objects; median of {ROUNDS} rounds")
        print(f"baseline bulk_create : {base * 1000:8.1f} ms")
        print(f"load_duties          : {real * 1000:8.1f} ms  (budget 3000 ms)")
        print(f"ratio load_duties / bulk_create: {real / base:.2f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
