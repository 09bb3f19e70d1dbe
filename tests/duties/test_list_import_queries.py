"""A list's import runs the same number of queries whatever its length: no query per row, in the preview or the
publishing, for a first list or for one that rewords every duty."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from duties import services, spreadsheet
from duties.audit import AuditEntry
from duties.models import Department, DutyItem, DutyRole, Jurisdiction, Provision, Sector
from duties.spreadsheet import COLUMNS, COOPERATING, DEPARTMENT, LEAD, NUMBER, TEXT

pytestmark = pytest.mark.django_db

FIRST, SECOND = datetime.date(2026, 1, 1), datetime.date(2026, 7, 1)


def city_with_departments(code: str) -> Jurisdiction:
    city = Jurisdiction.objects.create(
        code=code, name=f"第{code}市", short_name=code, slug=f"city-{code}", level="prefecture", kind="city",
        parent_id="360000",
    )  # fmt: skip
    for index, sector in enumerate(Sector.objects.order_by("position")[:3], start=1):
        department = Department(
            jurisdiction=city, name=f"{city.name}部门{index}", short_name=f"市部门{index}", sector=sector
        )
        department.slug, department.position = f"bu-men-{index}", index
        services.record_save(user=None, obj=department, fields=["name"], reason="新加入", adding=True)
    return city


def first_list(city: Jurisdiction, size: int) -> bytes:
    departments = list(city.departments.order_by("position"))
    rows = []
    for index in range(size):
        department, other = departments[index % 3], departments[(index + 1) % 3]
        rows.append(
            {
                **dict.fromkeys(COLUMNS, ""),
                DEPARTMENT: department.name,
                NUMBER: str(index // 3 + 1),
                TEXT: f"负责第{index + 1}片区的河湖管理工作。",
                LEAD: department.short_name,
                COOPERATING: other.short_name if index % 2 else "",
            }
        )
    return spreadsheet.write_csv(rows)


def reworded(city: Jurisdiction) -> bytes:
    rows = spreadsheet.list_rows(city)
    return spreadsheet.write_csv([{**row, TEXT: row[TEXT].replace("负责", "牵头负责")} for row in rows])


def counted_import(city: Jurisdiction, data: bytes, effective_on: datetime.date) -> tuple[int, int]:
    """The queries of the preview and of the publishing."""
    ContentType.objects.clear_cache()  # each import looks its content types up afresh
    arguments = {"jurisdiction": city, "department": None, "effective_on": effective_on, "data": data}
    with CaptureQueriesContext(connection) as previewing:
        preview = services.list_import_preview(**arguments, file_name="list.csv")
    assert preview.errors == [] and preview.can_publish
    with CaptureQueriesContext(connection) as publishing:
        services.list_import_publish(preview=preview, basis=f"{effective_on:%Y-%m}")
    return len(previewing), len(publishing)


def imported(city: Jurisdiction, size: int) -> list[tuple[int, int]]:
    return [counted_import(city, first_list(city, size), FIRST), counted_import(city, reworded(city), SECOND)]


def test_a_list_of_500_rows_imports_in_as_many_queries_as_one_of_50():
    small, large = city_with_departments("369800"), city_with_departments("369900")
    assert imported(small, 50) == imported(large, 500)
    # and everything was written: each duty's two versions, their roles, their file rows, their audit entries
    duties = DutyItem.objects.filter(document__jurisdiction=large)
    assert duties.count() == 1000 and duties.filter(valid_until=None, text__startswith="牵头负责").count() == 500
    assert DutyRole.objects.filter(duty__in=duties).count() == 2 * (500 + 250)
    assert Provision.objects.filter(document__jurisdiction=large).count() == 1000
    entries = AuditEntry.objects.filter(object_id__in=[str(pk) for pk in duties.values_list("pk", flat=True)])
    assert entries.count() == 1000  # each version started, the second with what it changed
    assert entries.filter(changes__text__1__startswith="牵头负责").count() == 500
