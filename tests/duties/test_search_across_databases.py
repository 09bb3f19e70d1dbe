"""The search answers the same on SQLite and PostgreSQL: same rows, same order.

PostgreSQL narrows through its n-gram index first, SQLite scans; both must agree. The
`comparison` database is the other kind (portal/test_settings.py).
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections

import search
from duties import search_index
from duties.models import Department, Document, DutyItem, Provision

QUERIES = [
    "水", "厕", "扬尘", "揚塵", "噪聲", "排汙口", "住房", "生态环境厅", "污染 防治", "污染防治攻坚战",
    "督察", "〔2022〕58号", "执法，监督", "农业农村 畜禽", "环境保护职责", "不存在的词语", "20", "２０條",
]  # fmt: skip


@pytest.mark.django_db(databases=["default", "comparison"])
def test_every_query_finds_the_same_rows_in_the_same_order_on_both_databases():
    call_command("loaddata", settings.DUTY_FIXTURE_PATH, database="comparison", verbosity=0, stdout=StringIO())
    search_index.reindex_all(using="comparison")
    vendors = {connections[alias].vendor for alias in ("default", "comparison")}
    assert vendors == {"sqlite", "postgresql"}
    found = set()
    for model in (DutyItem, Department, Document, Provision):
        for query in QUERIES:
            answers = [
                list(search.search(model.objects.using(alias).all(), query).values_list("pk", flat=True))
                for alias in ("default", "comparison")
            ]
            assert answers[0] == answers[1], (model.__name__, query)
            if answers[0]:
                found.add(query)
    assert set(QUERIES) - found == {"不存在的词语"}  # the comparison compared real answers
