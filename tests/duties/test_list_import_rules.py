"""What an import keeps: a duty typed anew is recognised, cited sources are kept or reported, numbers stay as
printed, new records take ids from their own jurisdiction's range, and unconfirmed previews are deleted."""

import datetime
import io
import os
import time

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from duties import services, spreadsheet
from duties.audit import AuditEntry
from duties.models import Department, Document, DutyItem, DutyRole, Edition, Jurisdiction, Provision, Sector
from duties.services import ids
from duties.services.list_import import KEPT_FILES, SOURCE_IS_ROW, SOURCE_KEPT
from duties.spreadsheet import COLUMNS, DEPARTMENT, DOCUMENT, LEAD, LINEAGE, NUMBER, PROVISION, TEXT

pytestmark = pytest.mark.django_db

EFFECTIVE = datetime.date(2026, 1, 1)


def preview(rows, jurisdiction, department=None, **source):
    return services.list_import_preview(
        jurisdiction=jurisdiction,
        department=department,
        effective_on=EFFECTIVE,
        data=spreadsheet.write_csv(rows),
        file_name="list.csv",
        source=services.SourceDocument(**source) if source else None,
    )


@pytest.fixture
def jiangxi():
    return Jurisdiction.objects.get(code="360000")


def test_a_list_typed_anew_without_ids_is_recognised_and_changes_nothing(jiangxi):
    rows = spreadsheet.list_rows(jiangxi)
    typed = [{**row, LINEAGE: "", DOCUMENT: "", PROVISION: ""} for row in rows]
    result = preview(typed, jiangxi)
    assert result.errors == [] and not result.plan.has_changes
    assert len(result.plan.recognised) == len(rows) == len(result.plan.unchanged)


def test_a_recognised_duty_whose_lead_changes_keeps_its_history(jiangxi):
    water = Department.objects.get(pk=360000010)
    rows = spreadsheet.list_rows(jiangxi, water)
    typed = [{**row, LINEAGE: ""} for row in rows]
    typed[0][LEAD] = "省水利厅；省林业局"
    result = preview(typed, jiangxi, water)
    assert (len(result.plan.added), len(result.plan.changed), len(result.plan.removed)) == (0, 1, 0)
    services.list_import_publish(preview=result, basis="赣水发〔2026〕2号")
    lineage = int(rows[0][LINEAGE])
    assert DutyItem.objects.filter(lineage=lineage).count() == 2


def test_the_columns_the_import_does_not_need_may_be_left_out(jiangxi):
    water = Department.objects.get(pk=360000010)
    rows = [{NUMBER: row[NUMBER], TEXT: row[TEXT], LEAD: row[LEAD]} for row in spreadsheet.list_rows(jiangxi, water)]
    data = ",".join([NUMBER, TEXT, LEAD]).encode() + b"\r\n"
    data += b"".join(f'{row[NUMBER]},"{row[TEXT]}",{row[LEAD]}\r\n'.encode() for row in rows)
    result = services.list_import_preview(
        jurisdiction=jiangxi, department=water, effective_on=EFFECTIVE, data=data, file_name="typed.csv"
    )
    assert result.errors == [] and not result.plan.has_changes


def test_a_source_cited_for_a_duty_that_keeps_its_own_is_reported_not_dropped(jiangxi):
    water = Department.objects.get(pk=360000010)
    rows = spreadsheet.list_rows(jiangxi, water)
    rows[1][DOCUMENT], rows[1][PROVISION] = "江西省河长制工作方案", "p9"
    result = preview(rows, jiangxi, water)
    assert result.errors == [] and not result.plan.has_changes
    kept = DutyItem.objects.select_related("document").get(pk=int(rows[1][LINEAGE]))
    assert [(n.row, n.column, n.message) for n in result.notices] == [
        (3, DOCUMENT, SOURCE_KEPT % {"written": "江西省河长制工作方案", "kept": kept.document.title}),
        (3, PROVISION, SOURCE_KEPT % {"written": "p9", "kept": kept.provision.anchor}),
    ]


def test_a_removed_duty_added_back_with_its_source_takes_its_provision_again(jiangxi):
    water = Department.objects.get(pk=360000010)
    rows = spreadsheet.list_rows(jiangxi, water)
    services.list_import_publish(preview=preview(rows[1:], jiangxi, water), basis="先删去")
    again = preview([{**rows[0], LINEAGE: ""}, *rows[1:]], jiangxi, water)
    assert len(again.plan.added) == 1 and again.notices == []
    edition = services.list_import_publish(preview=again, basis="又加回")
    added = DutyItem.objects.get(edition=edition)
    original = DutyItem.objects.get(pk=int(rows[0][LINEAGE]))
    assert (added.provision_id, added.document_id, added.position) == (
        original.provision_id,
        original.document_id,
        original.position,
    )
    assert added.wording.document == edition.document


def test_a_new_row_citing_a_taken_or_unknown_provision_is_its_own_row(jiangxi):
    water = Department.objects.get(pk=360000010)
    rows = spreadsheet.list_rows(jiangxi, water)
    taken = {**rows[0], LINEAGE: "", TEXT: "另一项新事项。", NUMBER: "9"}
    unknown = {**rows[0], LINEAGE: "", TEXT: "第三项新事项。", NUMBER: "10", PROVISION: "no-such-anchor"}
    result = preview([*rows, taken, unknown], jiangxi, water)
    assert len(result.plan.added) == 2
    assert [(n.row, n.column) for n in result.notices] == [(8, DOCUMENT), (9, DOCUMENT)]
    written = f"{rows[0][DOCUMENT]}、{rows[0][PROVISION]}"
    assert result.notices[0].message == SOURCE_IS_ROW % {"written": written, "row": 8}


def new_city_with_departments(code="360400", slug="jiujiang"):
    city = Jurisdiction.objects.create(
        code=code,
        name="九江市",
        short_name="九江",
        slug=slug,
        level="prefecture",
        kind="city",
        parent_id="360000",
    )
    for index, (slug, name, short) in enumerate([("sheng-tai", "九江市生态环境局", "市生态环境局")], start=1):
        department = Department(
            jurisdiction=city, name=name, short_name=short, sector=Sector.objects.get(code="ecology-environment")
        )
        department.slug, department.position = slug, index
        services.record_save(user=None, obj=department, fields=["name"], reason="新加入", adding=True)
    return city


def test_printed_numbering_is_kept_and_shown_as_printed(client):
    city = new_city_with_departments()
    numbers = ["一、", "（一）", "第十条", "1.", "2"]
    rows = [
        {
            **dict.fromkeys(COLUMNS, ""),
            DEPARTMENT: "九江市生态环境局",
            NUMBER: number,
            TEXT: f"事项{i}。",
            LEAD: "市生态环境局",
        }
        for i, number in enumerate(numbers)
    ]
    result = preview(rows, city, title="九江市生态环境保护具体事项清单", doc_number="九府办发〔2026〕1号")
    edition = services.list_import_publish(preview=result, basis="九府办发〔2026〕1号")
    duties = DutyItem.objects.filter(edition=edition).order_by("position")
    assert [duty.number for duty in duties] == numbers
    assert [duty.label for duty in duties] == ["一、", "（一）", "第十条", "1.", "2."]
    assert [provision.label for provision in edition.document.provisions.order_by("position")] == [
        "一、",
        "（一）",
        "第十条",
        "1.",
        "2.",
    ]
    assert (edition.document.title, edition.document.doc_number) == (
        "九江市生态环境保护具体事项清单",
        "九府办发〔2026〕1号",
    )
    page = client.get("/jiangxi/360400/departments/sheng-tai/").content.decode()
    assert "（一）" in page and "第十条" in page and "一、." not in page and "1.." not in page


def test_a_number_longer_than_printed_numbers_are_is_a_row_error(jiangxi):
    water = Department.objects.get(pk=360000010)
    rows = spreadsheet.list_rows(jiangxi, water)
    rows[0][NUMBER] = "第" + "一" * 30 + "条"
    (error,) = preview(rows, jiangxi, water).errors
    assert (error.row, error.column) == (2, NUMBER)


def test_new_records_take_ids_from_their_own_jurisdictions_range():
    sichuan = Jurisdiction.objects.create(
        code="510000", name="四川省", short_name="四川", slug="sichuan", level="province", kind="province"
    )
    highest = Department.objects.order_by("-pk").first().pk
    department = Department(
        jurisdiction=sichuan, name="四川省生态环境厅", short_name="省生态环境厅", sector_id="ecology-environment"
    )
    department.slug = "sheng-tai-huan-jing-ting"
    services.record_save(user=None, obj=department, fields=["name"], reason="新加入", adding=True)
    assert department.pk == 510000501 and highest < 510000000  # not the table's next id (500000020)
    rows = [
        {
            **dict.fromkeys(COLUMNS, ""),
            DEPARTMENT: "四川省生态环境厅",
            NUMBER: str(n),
            TEXT: f"事项{n}。",
            LEAD: "省生态环境厅",
        }
        for n in (1, 2)
    ]
    edition = services.list_import_publish(preview=preview(rows, sichuan, title="四川省清单"), basis="川")
    document = edition.document
    assert document.pk == 5100000001
    assert sorted(Provision.objects.filter(document=document).values_list("pk", flat=True)) == [
        510000000100001,
        510000000100002,
    ]
    duties = DutyItem.objects.filter(edition=edition).order_by("pk")
    assert [duty.pk for duty in duties] == [510000000100001, 510000000100002]
    assert [duty.lineage for duty in duties] == [duty.pk for duty in duties]
    assert list(DutyRole.objects.filter(duty__in=duties).values_list("pk", flat=True).order_by("pk")) == [
        51000000010000101,
        51000000010000201,
    ]
    second = Department(jurisdiction=sichuan, name="四川省水利厅", short_name="省水利厅", sector_id="water-resources")
    second.slug = "shui-li-ting"
    services.record_save(user=None, obj=second, fields=["name"], reason="新加入", adding=True)
    assert second.pk == 510000502
    assert ids.department_ids("500000").first == 500000501  # Chongqing's own, above its fixture departments
    entries = AuditEntry.objects.filter(object_id__in=[str(duty.pk) for duty in duties], action="add")
    assert entries.count() == 2


def test_a_document_added_in_the_admin_for_a_new_city_and_picked_by_the_import(admin_client):
    city = new_city_with_departments()
    document = Document(
        jurisdiction=city, title="九江市清单", doc_number="九府办发〔2026〕3号", source_file="jiujiang/list.pdf"
    )
    document.source_sha256 = "0" * 64
    services.record_save(user=None, obj=document, fields=["title"], reason="登记文件", adding=True)
    assert document.pk == 3604000001
    rows = [{**dict.fromkeys(COLUMNS, ""), NUMBER: "1", TEXT: "事项。", LEAD: "市生态环境局"}]
    edition = services.list_import_publish(preview=preview(rows, city, existing=document), basis="九府办发〔2026〕3号")
    assert edition.document == document and document.provisions.count() == 1
    again = preview(rows, city, existing=document)
    assert again.errors and "已有条款" in again.errors[0].message


def test_previews_nobody_confirms_are_deleted_after_the_hour(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    old = default_storage.save(f"{KEPT_FILES}old", ContentFile(b"x"))
    fresh = default_storage.save(f"{KEPT_FILES}fresh", ContentFile(b"y"))
    two_hours_ago = time.time() - 7200
    os.utime(default_storage.path(old), (two_hours_ago, two_hours_ago))
    out = io.StringIO()
    call_command("expire_list_imports", stdout=out)
    assert "1 expired" in out.getvalue()
    assert not default_storage.exists(old) and default_storage.exists(fresh)
    call_command("expire_list_imports", stdout=out)  # twice changes nothing
    kept = services.list_import_file_keep(data=b"z", file_name="new.csv")  # a new preview cleans up too
    assert default_storage.exists(kept.name)


def publish_queries(jurisdiction, department, rows, effective_on):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    result = services.list_import_preview(
        jurisdiction=jurisdiction,
        department=department,
        effective_on=effective_on,
        data=spreadsheet.write_csv(rows),
        file_name="big.csv",
        source=services.SourceDocument(title="清单"),
    )
    with CaptureQueriesContext(connection) as queries:
        services.list_import_publish(preview=result, basis="批量")
    return len(queries), result.plan


def test_publishing_writes_in_bulk_whatever_the_number_of_rows():
    """A publish writes in batches, not a save and an audit entry per row: on PostgreSQL the same queries for 40
    rows as for 400 (SQLite's batches are smaller: at most 999 values a statement)."""
    from django.db import connection

    first, second = new_city_with_departments(), new_city_with_departments("360500", "xinyu")

    def rows(count, prefix):
        return [
            {**dict.fromkeys(COLUMNS, ""), NUMBER: str(n), TEXT: f"{prefix}事项{n}。", LEAD: "市生态环境局"}
            for n in range(1, count + 1)
        ]

    ContentType.objects.get_for_models(DutyItem, Edition)  # the audit trail's types, looked up once a process
    small, _plan = publish_queries(first, None, rows(40, "甲"), EFFECTIVE)
    large, plan = publish_queries(second, None, rows(400, "乙"), EFFECTIVE)
    assert len(plan.added) == 400 and large < 400 // 10
    if connection.vendor == "postgresql":
        assert large == small
    assert AuditEntry.objects.filter(action="add", content_type__model="dutyitem").count() == 440


def test_a_full_range_is_an_error_not_an_id_of_another_jurisdiction():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="编号已用完"):
        ids.IdRange(360000001, 360000002).next_free(Department, "360000")  # both are Jiangxi's fixture departments
    assert ids.IdRange(360000001, 360000099).next_free(Department, "360000") == 360000018  # Jiangxi has 17
