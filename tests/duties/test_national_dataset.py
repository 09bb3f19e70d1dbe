"""The synthetic national dataset: real divisions, synthetic lists that say so, searchable at once."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

import search
from duties import search_index
from duties.divisions import divisions
from duties.models import Department, Document, DutyItem, DutyRole, Jurisdiction
from duties.synthetic import SYNTHETIC_SOURCE_PREFIX

pytestmark = pytest.mark.django_db


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
