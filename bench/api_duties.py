"""Benchmark: `/api/v1/duties/?province=jiangxi&page_size=50`, three ways in one run.

1. the API as clients call it (Django test client: URL routing, middleware, FilterSet,
   serializer, JSON rendering);
2. a hand-written baseline: one raw SQL query for the same 50 rows and their lead,
   co-lead and cooperating departments, serialised with orjson;
3. a naive ModelSerializer of the same fields without select_related/prefetch_related
   (one query per row and per relation: the N+1 the API avoids).

Prints the median of each and the ratios API/baseline and naive/API.
Run: .venv/bin/python bench/api_duties.py   (DATABASE_URL selects PostgreSQL)
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.test_settings")

import django

django.setup()

import orjson  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from rest_framework import serializers  # noqa: E402

from duties.models import DutyItem  # noqa: E402

ROUNDS = 30
URL = "/api/v1/duties/?province=jiangxi&page_size=50"

RAW_SQL = """
SELECT d.id, d.number, d.text, doc.id, doc.title, doc.doc_number, p.anchor, r.role, dep.id, dep.name, dep.short_name
FROM (
    SELECT duty.id, duty.number, duty.text, duty.document_id, duty.provision_id, duty.position
    FROM duties_dutyitem duty JOIN duties_document dd ON dd.id = duty.document_id
    WHERE dd.jurisdiction_id LIKE '36%%'
    ORDER BY dd.jurisdiction_id, dd.position, duty.position
    LIMIT 50
) d
JOIN duties_document doc ON doc.id = d.document_id
JOIN duties_provision p ON p.id = d.provision_id
LEFT JOIN duties_dutyrole r ON r.duty_id = d.id
LEFT JOIN duties_department dep ON dep.id = r.department_id
ORDER BY doc.jurisdiction_id, doc.position, d.position, r.position
"""
ROLE_KEYS = {"lead": "lead_departments", "co-lead": "co_lead_departments", "cooperating": "cooperating_departments"}


def raw_baseline():
    with connection.cursor() as cursor:
        cursor.execute(RAW_SQL)
        rows = cursor.fetchall()
    duties = {}
    for duty_id, number, text, doc_id, title, doc_number, anchor, role, dep_id, dep_name, dep_short in rows:
        duty = duties.get(duty_id)
        if duty is None:
            duty = duties[duty_id] = {
                "id": duty_id,
                "number": number,
                "text": text,
                "lead_departments": [],
                "co_lead_departments": [],
                "cooperating_departments": [],
                "document": {"id": doc_id, "title": title, "doc_number": doc_number},
                "provision": {"anchor": anchor},
            }
        if dep_id is not None:
            duty[ROLE_KEYS[role]].append({"id": dep_id, "name": dep_name, "short_name": dep_short})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM duties_dutyitem duty JOIN duties_document dd ON dd.id = duty.document_id "
            "WHERE dd.jurisdiction_id LIKE '36%%'"
        )
        count = cursor.fetchone()[0]
    return orjson.dumps({"count": count, "results": list(duties.values())})


class NaiveDutySerializer(serializers.ModelSerializer):
    lead_departments = serializers.SerializerMethodField()
    co_lead_departments = serializers.SerializerMethodField()
    cooperating_departments = serializers.SerializerMethodField()
    document = serializers.SerializerMethodField()
    provision = serializers.SerializerMethodField()

    class Meta:
        model = DutyItem
        fields = [
            "id",
            "number",
            "text",
            "lead_departments",
            "co_lead_departments",
            "cooperating_departments",
            "document",
            "provision",
        ]

    def _departments(self, duty, role):
        return [
            {"id": r.department.id, "name": r.department.name, "short_name": r.department.short_name}
            for r in duty.roles.filter(role=role, department__isnull=False)
        ]

    def get_lead_departments(self, duty):
        return self._departments(duty, "lead")

    def get_co_lead_departments(self, duty):
        return self._departments(duty, "co-lead")

    def get_cooperating_departments(self, duty):
        return self._departments(duty, "cooperating")

    def get_document(self, duty):
        return {"id": duty.document.id, "title": duty.document.title, "doc_number": duty.document.doc_number}

    def get_provision(self, duty):
        return {"anchor": duty.provision.anchor}


def naive_serializer():
    queryset = DutyItem.objects.filter(document__jurisdiction__code__startswith="36").order_by(
        "document__jurisdiction_id", "document__position", "position"
    )
    return orjson.dumps({"count": queryset.count(), "results": NaiveDutySerializer(queryset[:50], many=True).data})


def timed(function, rounds=ROUNDS):
    function()  # warm up
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("loaddata", settings.DUTY_FIXTURE_PATH, verbosity=0)
        client = Client()
        assert client.get(URL).status_code == 200
        assert len(orjson.loads(raw_baseline())["results"]) == 50
        api = timed(lambda: client.get(URL))
        raw = timed(raw_baseline)
        naive = timed(naive_serializer)
        print(f"database: {connection.vendor}; {URL}; median of {ROUNDS}")
        print(f"  raw SQL + orjson baseline {raw * 1000:8.2f} ms")
        print(f"  API                       {api * 1000:8.2f} ms   {api / raw:5.1f}x the baseline")
        print(f"  naive ModelSerializer     {naive * 1000:8.2f} ms   {naive / api:5.1f}x the API")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
