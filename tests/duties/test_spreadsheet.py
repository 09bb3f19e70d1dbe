"""The spreadsheet template: every list exports and imports back without loss; a bad file writes nothing."""

import csv
import datetime
import io

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command

from duties import services, spreadsheet
from duties.models import Department, DutyItem, Edition, Jurisdiction
from duties.spreadsheet import CO_LEAD, COLUMNS, DEPARTMENT, LEAD, LINEAGE, NUMBER, TEXT

pytestmark = pytest.mark.django_db

EFFECTIVE = datetime.date(2026, 1, 1)
EXAMPLE = settings.BASE_DIR / "fixtures" / "duty_list_example.csv"


def every_list():
    for jurisdiction in Jurisdiction.objects.all():
        yield jurisdiction, None
    for department in Department.objects.select_related("jurisdiction"):
        yield department.jurisdiction, department


def preview(data, jurisdiction, department=None, effective_on=EFFECTIVE, file_name="list.csv"):
    return services.list_import_preview(
        jurisdiction=jurisdiction, department=department, effective_on=effective_on, data=data, file_name=file_name
    )


def read_rows(data: bytes) -> list[dict]:
    header, *rows = spreadsheet.read_table(data)
    return [dict(zip(header, row, strict=True)) for row in rows]


def csv_of(rows) -> bytes:
    return spreadsheet.write_csv(rows)


@pytest.fixture
def water():
    return Department.objects.select_related("jurisdiction").get(pk=360000010)


@pytest.fixture
def water_rows(water):
    return spreadsheet.list_rows(water.jurisdiction, water)


@pytest.mark.parametrize("write", [spreadsheet.write_csv, spreadsheet.write_xlsx], ids=["csv", "xlsx"])
def test_every_list_of_the_fixture_imports_back_unchanged(write):
    lists = 0
    for jurisdiction, department in every_list():
        rows = spreadsheet.list_rows(jurisdiction, department)
        data = write(rows)
        assert read_rows(data) == rows, (jurisdiction, department)
        result = preview(data, jurisdiction, department)
        assert result.errors == [], (jurisdiction, department, [str(error) for error in result.errors])
        assert not result.plan.has_changes, (jurisdiction, department)
        assert len(result.plan.unchanged) == len(rows)
        lists += 1
    assert lists == 4 + 56


@pytest.mark.parametrize("write", [spreadsheet.write_csv, spreadsheet.write_xlsx], ids=["csv", "xlsx"])
def test_export_edit_import_export_gives_back_the_edited_list(water, water_rows, write):
    edited = [dict(row) for row in water_rows]
    edited[0][TEXT] += "加强水土流失综合治理。"
    edited[1][LEAD] = "省林业局"
    edited[1][DEPARTMENT] = ""  # handed over: no longer on this department's list
    del edited[-1]
    edited.append(
        {**dict.fromkeys(COLUMNS, ""), DEPARTMENT: water.name, NUMBER: "7", TEXT: "新增事项。", LEAD: "省水利厅"}
    )
    result = preview(write(edited), water.jurisdiction, water)
    assert result.errors == []
    assert (len(result.plan.added), len(result.plan.changed), len(result.plan.removed)) == (1, 2, 1)
    # The handed-over duty leaves 省水利厅's list but stays on the province's: a change, seen from there.
    services.list_import_publish(preview=result, basis="赣水发〔2026〕1号")

    after = spreadsheet.list_rows(water.jurisdiction, water, EFFECTIVE)
    province_after = {row[LINEAGE]: row for row in spreadsheet.list_rows(water.jurisdiction, None, EFFECTIVE)}
    handed_over = province_after[edited[1][LINEAGE]]
    assert handed_over[LEAD] == "省林业局" and handed_over[TEXT] == edited[1][TEXT]
    expected = [row for row in edited if row[LEAD] != "省林业局"]
    semantic = [DEPARTMENT, NUMBER, TEXT, LEAD, CO_LEAD, spreadsheet.COOPERATING]
    assert sorted([row[c] for c in semantic] for row in after) == sorted([row[c] for c in semantic] for row in expected)
    kept = {row[LINEAGE]: row for row in after}
    for row in expected[:-1]:  # every row but the new one keeps its identity and its source
        assert kept[row[LINEAGE]] == row
    # And the list as it was is still there.
    assert spreadsheet.list_rows(water.jurisdiction, water, EFFECTIVE - datetime.timedelta(days=1)) == water_rows


def test_the_preview_names_every_error_with_its_row_and_column(water, water_rows):
    rows = [dict(row) for row in water_rows]
    rows[0][LEAD] = "省水利厅；省水务局"  # no such department
    rows[1][TEXT] = ""
    rows[2][NUMBER] = rows[3][NUMBER]
    rows[4][LINEAGE] = "99999"
    rows[5][CO_LEAD] = "省林业局；不存在的委员会"
    result = preview(csv_of(rows), water.jurisdiction, water)
    found = {(error.row, error.column, error.message) for error in result.errors}
    assert (2, LEAD, "没有名为“省水务局”的部门：请用已收录部门的全称、简称或清单中的写法。") in found
    assert (3, TEXT, "事项内容为空。") in found
    assert (5, NUMBER, f"编号“{rows[3][NUMBER]}”与第 4 行重复。") in found
    assert (6, LINEAGE, "事项标识 99999 不在这份清单中；新增事项请留空。") in found
    assert any(
        error.row == 7 and error.column == CO_LEAD and "不存在的委员会" in error.message for error in result.errors
    )
    assert len(result.errors) == 5
    assert result.plan is None and not result.can_publish


def test_a_file_that_is_not_utf8_is_refused_naming_the_line(water, water_rows):
    header, first, second, *_rest = csv_of(water_rows).split(b"\r\n")
    data = b"\r\n".join([header, first, second.decode("utf-8").encode("gb18030")])
    (error,) = preview(data, water.jurisdiction, water).errors
    assert error.row == 3 and "第 3 行不是 UTF-8 编码" in error.message and "XLSX" in error.message


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "文件是空的。"),
        (b"%PDF-1.7\n\x00\x01binary", "这不是 CSV 或 XLSX 文件。"),
        (b"PK\x03\x04not really a workbook", "无法读取这个 XLSX 文件"),
        ("编号,事项内容\n1,某事项\n".encode(), "缺少列"),
        ((",".join([*COLUMNS, "备注"]) + "\n").encode(), "模板中没有这些列：备注"),
    ],
    ids=["empty", "binary", "broken-xlsx", "missing-columns", "unknown-column"],
)
def test_files_that_are_not_the_template_are_refused(water, data, message):
    errors = preview(data, water.jurisdiction, water).errors
    assert errors and message in str(errors[0])


def test_a_file_too_large_is_refused_before_it_is_read(water, settings):
    settings.DUTY_IMPORT_MAX_BYTES = 100
    (error,) = preview(b"x" * 101, water.jurisdiction, water).errors
    assert "不能超过" in error.message


def snapshot():
    """How many rows each duties table holds, and every duty's text: what a failed import must not touch."""
    counts = {model.__name__: model.objects.count() for model in apps.get_app_config("duties").get_models()}
    return counts, list(DutyItem.objects.order_by("pk").values_list("pk", "text", "valid_until"))


def test_a_file_with_any_error_writes_nothing(water, water_rows, tmp_path):
    rows = [dict(row) for row in water_rows]
    rows[0][TEXT] = "改写的事项。"
    rows[1][LEAD] = "省水利厅；省水务局"
    before = snapshot()
    result = preview(csv_of(rows), water.jurisdiction, water)
    with pytest.raises(Exception, match="文件有错误"):
        services.list_import_publish(preview=result, basis="x")
    path = tmp_path / "water.csv"
    path.write_bytes(csv_of(rows))
    with pytest.raises(CommandError, match="1 error"):
        call_command(
            "import_duty_list",
            str(path),
            "--jurisdiction=360000",
            "--department=shui-li-ting",
            "--effective=2026-01-01",
            "--basis=x",
            "--document-title=江西省水利厅清单",
            "--confirm",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert snapshot() == before


def test_the_command_previews_then_publishes_and_as_of_answers_both_days(water, water_rows, tmp_path):
    rows = [dict(row) for row in water_rows]
    rows[0][LEAD], rows[0][DEPARTMENT] = "省林业局", ""
    path = tmp_path / "water.csv"
    path.write_bytes(csv_of(rows))
    arguments = [str(path), "--jurisdiction=360000", "--department=shui-li-ting", "--document-title=江西省水利厅清单"]
    arguments += ["--document-number=赣水发〔2026〕1号", "--document-date=2025-12-20", "--effective=2026-01-01"]
    out, err = io.StringIO(), io.StringIO()
    call_command("import_duty_list", *arguments, "--basis=赣水发〔2026〕1号", stdout=out, stderr=err)
    assert "checking rows 0/6" in err.getvalue()
    assert "0 to add, 1 to change, 0 to remove, 5 unchanged" in out.getvalue() and "--confirm" in out.getvalue()
    assert not Edition.objects.exists()
    call_command("import_duty_list", *arguments, "--basis=赣水发〔2026〕1号", "--confirm", stdout=out, stderr=err)
    assert "writing new versions 1/1" in err.getvalue()
    edition = Edition.objects.get()
    document = edition.document
    assert (document.title, document.doc_number, document.issued_on) == (
        "江西省水利厅清单",
        "赣水发〔2026〕1号",
        datetime.date(2025, 12, 20),
    )
    assert (edition.department, edition.effective_on, edition.document.source_file) == (
        water,
        EFFECTIVE,
        f"editions/{edition.pk}/water.csv",
    )
    lineage = int(rows[0][LINEAGE])
    versions = DutyItem.objects.filter(lineage=lineage)
    assert [d.short_name for d in versions.as_of(datetime.date(2025, 12, 31)).get().lead_departments] == ["省水利厅"]
    assert [d.short_name for d in versions.as_of(EFFECTIVE).get().lead_departments] == ["省林业局"]
    path.write_bytes(csv_of(spreadsheet.list_rows(water.jurisdiction, water)))
    out = io.StringIO()
    call_command(
        "import_duty_list",
        *arguments[:-1],
        "--effective=2026-02-01",
        "--basis=again",
        "--confirm",
        "--quiet",
        stdout=out,
    )
    assert "No changes" in out.getvalue() and Edition.objects.count() == 1


def test_the_export_command_writes_the_template(tmp_path):
    out = io.StringIO()
    call_command("export_duty_list", "--jurisdiction=360000", "--department=shui-li-ting", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert len(rows) == 6 and rows[0][DEPARTMENT] == "江西省水利厅"
    path = tmp_path / "jiangxi.xlsx"
    call_command("export_duty_list", "--jurisdiction=360000", "-o", str(path), stderr=io.StringIO())
    assert len(read_rows(path.read_bytes())) == 84
    with pytest.raises(CommandError, match="no department"):
        call_command("export_duty_list", "--jurisdiction=360000", "--department=nope", stdout=out)


def test_the_example_file_is_a_current_export():
    """fixtures/duty_list_example.csv is 江西省水利厅's list from the fixture (README: regenerate it)."""
    water = Department.objects.get(pk=360000010)
    assert EXAMPLE.read_bytes() == csv_of(spreadsheet.list_rows(water.jurisdiction, water))
    assert read_rows(EXAMPLE.with_suffix(".xlsx").read_bytes()) == read_rows(EXAMPLE.read_bytes())


def test_each_list_downloads_in_the_template(client):
    response = client.get("/jiangxi/departments/shui-li-ting/duties.csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert "filename*=UTF-8''%E6%B1%9F%E8%A5%BF" in response["Content-Disposition"]
    assert len(read_rows(response.content)) == 6
    xlsx = client.get("/jiangxi/duties.xlsx?as_of=2025-01-01")
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK\x03\x04")
    assert len(read_rows(xlsx.content)) == 84
    assert client.get("/jiangxi/duties.pdf").status_code == 404
    assert client.get("/jiangxi/duties.csv?as_of=tomorrow").status_code == 400
    assert 'href="duties.csv" download>CSV</a>' in client.get("/jiangxi/departments/shui-li-ting/").content.decode()
