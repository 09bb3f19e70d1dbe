"""The synthetic national dataset: real divisions, synthetic lists that say so, searchable at once."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

import search
from duties import search_index, synthetic_load
from duties.divisions import divisions
from duties.models import Department, Document, DutyItem, DutyRole, Jurisdiction, Provision
from duties.synthetic import SYNTHETIC_SOURCE_PREFIX

pytestmark = pytest.mark.django_db
WRITER_FOR = synthetic_load.writer_for


def test_the_divisions_are_every_province_city_and_county_of_gb_t_2260():
    table = divisions()
    provinces = [d for d in table if d.parent_code is None]
    assert len(provinces) == 31
    assert {"北京市", "江西省", "新疆维吾尔自治区"} <= {d.name for d in provinces}
    assert 300 <= sum(d.code.endswith("00") and d.parent_code is not None for d in table) <= 360
    assert 2700 <= sum(not d.code.endswith("00") for d in table) <= 2900
    codes = {d.code for d in table}
    assert all(d.parent_code in codes for d in table if d.parent_code)


def test_the_command_adds_synthetic_lists_for_missing_jurisdictions_only(settings):
    settings.DEBUG = True
    real_duties = DutyItem.objects.count()
    out = StringIO()
    call_command("generate_national_dataset", provinces=1, departments=3, duties=2, stdout=out, stderr=StringIO())
    beijing = Jurisdiction.objects.get(code="110000")
    added = Jurisdiction.objects.filter(code__startswith="11")
    assert added.count() > 10 and beijing.kind == "municipality"
    assert Document.objects.filter(jurisdiction__in=added).count() == added.count()
    assert all(
        "合成数据" in doc.title and doc.source_file.startswith(SYNTHETIC_SOURCE_PREFIX)
        for doc in Document.objects.filter(jurisdiction__in=added)
    )
    assert DutyItem.objects.count() == real_duties + added.count() * 3 * 2
    assert not DutyItem.objects.filter(document__jurisdiction__in=added).exclude(roles__role="lead").exists()
    assert f"Added {added.count()} jurisdictions" in out.getvalue()
    assert search_index.reindex_all() == 0  # written already as the index would write them

    department = Department.objects.filter(jurisdiction=beijing).first()
    found = search.search(DutyItem.objects.all(), department.name)
    assert set(found.values_list("pk", flat=True)) == set(
        DutyRole.objects.filter(department=department, role="lead").values_list("duty_id", flat=True)
    )
    # Run again: nothing is missing any more.
    call_command("generate_national_dataset", provinces=1, departments=3, duties=2, stdout=out, stderr=StringIO())
    assert "Added 0 jurisdictions" in out.getvalue()


def test_the_command_refuses_a_production_database(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("generate_national_dataset", provinces=1, stdout=StringIO())


def _generated_rows() -> dict[str, list]:
    """Every column of every synthetic row (a role by what it says, its id aside), and on PostgreSQL its n-grams."""
    added = Jurisdiction.objects.filter(code__startswith="11")
    tables = {
        "jurisdictions": added,
        "documents": Document.objects.filter(jurisdiction__in=added),
        "departments": Department.objects.filter(jurisdiction__in=added),
        "provisions": Provision.objects.filter(document__jurisdiction__in=added),
        "duties": DutyItem.objects.filter(document__jurisdiction__in=added),
    }
    rows = {name: list(queryset.order_by("pk").values_list()) for name, queryset in tables.items()}
    roles = DutyRole.objects.filter(duty__document__jurisdiction__in=added)
    rows["roles"] = sorted(roles.values_list("duty", "department", "role", "name_as_written", "position"))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, search_text_grams::text, search_title_grams::text FROM duties_dutyitem "
                "WHERE document_id IN (SELECT id FROM duties_document WHERE jurisdiction_id LIKE '11%%') ORDER BY id"
            )
            rows["duty grams"] = cursor.fetchall()
    assert rows["duties"] and rows["roles"]
    return rows


def test_the_fast_path_writes_the_same_rows_as_the_orm(settings, monkeypatch):
    """COPY on PostgreSQL (bulk_create elsewhere) gives what model instances saved through the ORM give."""
    settings.DEBUG = True
    arguments = {"provinces": 1, "departments": 4, "duties": 3, "stdout": StringIO(), "stderr": StringIO()}
    with transaction.atomic():
        with monkeypatch.context() as patch:
            patch.setattr(synthetic_load, "writer_for", synthetic_load.ModelWriter)
            call_command("generate_national_dataset", **arguments)
        through_the_orm = _generated_rows()
        transaction.set_rollback(True)
    assert not Jurisdiction.objects.filter(code="110101").exists()

    writers = []
    monkeypatch.setattr(synthetic_load, "writer_for", lambda using: writers.append(WRITER_FOR(using)) or writers[-1])
    call_command("generate_national_dataset", **arguments)
    expected = synthetic_load.CopyWriter if connection.vendor == "postgresql" else synthetic_load.ModelWriter
    assert [type(writer) for writer in writers] == [expected]
    assert _generated_rows() == through_the_orm
    assert search_index.reindex_all() == 0


def test_copy_text_escapes_what_copy_would_read_as_a_separator():
    assert synthetic_load.copy_text("a\tb\\c\nd\re") == "a\\tb\\\\c\\nd\\re"
    assert [synthetic_load.copy_text(value) for value in [None, True, False, 7, "水"]] == ["\\N", "t", "f", "7", "水"]
