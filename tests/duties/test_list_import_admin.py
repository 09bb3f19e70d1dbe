"""Editors import a list in the admin: preview first, confirm to publish; a new jurisdiction joins the same way."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from duties import spreadsheet
from duties.audit import AuditEntry
from duties.models import Department, DutyItem, Edition
from duties.spreadsheet import CO_LEAD, COLUMNS, DEPARTMENT, LEAD, NUMBER, TEXT
from tests.factories import make_user

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/duties/edition/import/"
WATER = 360000010


def upload(data: bytes, name="water.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def form_data(**changes):
    return {
        "jurisdiction": "360000",
        "department": "shui-li-ting",
        "effective_on": "2026-01-01",
        "basis": "赣水发〔2026〕1号",
        "summary": "调整河湖管理事项。",
        "document_title": "江西省水利厅生态环境保护具体事项清单（2026年修订）",
        "document_number": "赣水发〔2026〕1号",
        "document_issued_on": "2025-12-20",
        **changes,
    }


def page_of(response) -> str:
    """The import page as the browser gets it (streamed: the steps first, then the preview)."""
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def pending_of(body: str) -> str:
    return body.split('name="pending" value="')[1].split('"')[0]


def water_csv(**row_changes) -> bytes:
    water = Department.objects.get(pk=WATER)
    rows = spreadsheet.list_rows(water.jurisdiction, water)
    rows[0].update(row_changes)
    return spreadsheet.write_csv(rows)


def test_the_preview_shows_the_changes_and_writes_nothing_until_confirmed(admin_client):
    response = admin_client.post(
        IMPORT_URL, {**form_data(), "preview": "1", "file": upload(water_csv(**{LEAD: "省林业局", DEPARTMENT: ""}))}
    )
    body = page_of(response)
    assert response.status_code == 200
    assert "新增 0 项，修改 1 项，删除 0 项，未变 5 项。" in body
    assert "牵头：<del>省水利厅</del> → <ins>省林业局</ins>" in body
    assert '<li class="import-step import-step--check">检查第 0 / 6 行…</li>' in body
    assert 'name="confirm"' in body and not Edition.objects.exists()
    pending = pending_of(body)
    # Confirming re-reads the kept file; it publishes exactly what was previewed.
    response = admin_client.post(IMPORT_URL, {**form_data(), "pending": pending, "confirm": "1"})
    body = page_of(response)
    assert "已发布清单版本" in body and "import-step--start" in body and "import-step--audit" in body
    edition = Edition.objects.get()
    assert (edition.basis, edition.summary, edition.department_id) == ("赣水发〔2026〕1号", "调整河湖管理事项。", WATER)
    assert AuditEntry.objects.filter(object_id=str(edition.pk), reason__contains="赣水发〔2026〕1号").exists()


def test_confirming_for_another_list_or_date_than_previewed_only_previews_again(admin_client):
    response = admin_client.post(
        IMPORT_URL, {**form_data(), "preview": "1", "file": upload(water_csv(**{TEXT: "新表述。"}))}
    )
    pending = pending_of(page_of(response))
    again = admin_client.post(IMPORT_URL, {**form_data(effective_on="2026-02-01"), "pending": pending, "confirm": "1"})
    assert "已发布" not in page_of(again) and not Edition.objects.exists()
    retitled = admin_client.post(
        IMPORT_URL, {**form_data(document_title="另一份文件"), "pending": pending, "confirm": "1"}
    )
    assert "已发布" not in page_of(retitled) and not Edition.objects.exists()
    tampered = admin_client.post(IMPORT_URL, {**form_data(), "pending": pending + "x", "confirm": "1"})
    assert "预览已过期或文件已变更" in page_of(tampered) and not Edition.objects.exists()


def test_errors_are_listed_by_row_and_column_and_the_form_keeps_what_was_typed(admin_client):
    data = water_csv(**{LEAD: "省水利厅；省水务局", NUMBER: "", TEXT: ""})
    response = admin_client.post(IMPORT_URL, {**form_data(), "preview": "1", "file": upload(data)})
    body = page_of(response)
    assert "文件有 2 处错误，未写入任何内容。" in body
    assert "<td>2</td><td>事项内容</td><td>事项内容为空。</td>" in body
    assert "<td>2</td><td>牵头部门</td>" in body and "省水务局" in body
    assert 'value="赣水发〔2026〕1号"' in body and 'name="confirm"' not in body
    assert not Edition.objects.exists()


def test_only_editors_with_the_permission_may_import(client):
    assert client.get(IMPORT_URL).status_code == 302  # to the login page
    staff = make_user(username="clerk")
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    assert client.get(IMPORT_URL).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="add_edition"))
    assert client.get(IMPORT_URL).status_code == 200


def test_the_import_form_is_csrf_protected(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = client.post(IMPORT_URL, {**form_data(), "preview": "1", "file": upload(water_csv())})
    assert response.status_code == 403


def audited_add(admin_client, model, **fields):
    response = admin_client.post(f"/admin/duties/{model}/add/", {**fields, "audit_reason": "新加入的地区"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def add_jiujiang_in_the_admin(admin_client):
    """九江市 and two of its departments, as an administrator adds them."""
    audited_add(
        admin_client,
        "jurisdiction",
        code="360400",
        name="九江市",
        short_name="九江",
        slug="jiujiang",
        level="prefecture",
        kind="city",
        parent="360000",
    )
    for slug, name, short_name, sector in [
        ("sheng-tai-huan-jing-ju", "九江市生态环境局", "市生态环境局", "ecology-environment"),
        ("shui-wu-ju", "九江市水利局", "市水利局", "water-resources"),
    ]:
        audited_add(
            admin_client,
            "department",
            jurisdiction="360400",
            name=name,
            name_attested="on",
            short_name=short_name,
            aliases="",
            sector=sector,
            slug=slug,
            position="1",
        )


def test_a_city_created_in_the_admin_publishes_its_first_list_by_import(admin_client):
    add_jiujiang_in_the_admin(admin_client)
    rows = [
        {
            **dict.fromkeys(COLUMNS, ""),
            DEPARTMENT: "九江市水利局",
            NUMBER: "1",
            TEXT: "负责长江九江段岸线保护。",
            LEAD: "市水利局",
        },
        {
            **dict.fromkeys(COLUMNS, ""),
            DEPARTMENT: "九江市生态环境局",
            NUMBER: "1",
            TEXT: "统筹长江入河排污口整治。",
            LEAD: "市生态环境局",
            CO_LEAD: "市水利局",
        },
    ]
    data = spreadsheet.write_xlsx(rows)
    response = admin_client.post(
        IMPORT_URL,
        {**form_data(jurisdiction="360400", department=""), "preview": "1", "file": upload(data, "jiujiang.xlsx")},
    )
    body = page_of(response)
    assert "新增 2 项，修改 0 项，删除 0 项" in body
    page_of(
        admin_client.post(
            IMPORT_URL,
            {**form_data(jurisdiction="360400", department=""), "pending": pending_of(body), "confirm": "1"},
        )
    )
    assert DutyItem.objects.current().filter(document__jurisdiction="360400").count() == 2
    city_page = admin_client.get("/jiangxi/360400/").content.decode()
    assert "九江市水利局" in city_page and "牵头 1 项" in city_page
    department_page = admin_client.get("/jiangxi/360400/departments/shui-wu-ju/").content.decode()
    assert "负责长江九江段岸线保护。" in department_page and "统筹长江入河排污口整治。" in department_page
    header, *exported = spreadsheet.read_table(admin_client.get("/jiangxi/360400/duties.csv").content)
    assert sorted(row[header.index(TEXT)] for row in exported) == sorted(row[TEXT] for row in rows)
    assert Edition.objects.get().document.source_file.endswith("/jiujiang.xlsx")
