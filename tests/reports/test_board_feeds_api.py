"""Supervisors' compliance board (page, CSV, chart), the Atom feeds, and the reports/compliance API."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from reports import services

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def published_on_time(department, editor, approver, clock):
    report = services.report_create(user=editor, department=department, year=2024)
    report = services.report_draft_save(
        report=report, user=editor, expected_version=report.version, overall="全年履职情况。", entries={}, sections={}
    )
    clock("2025-01-10 23:30")  # Jiangxi's deadline day, Shanghai time
    report = services.report_submit(report=report, user=approver, expected_version=report.version)
    return services.report_publish(report=report, user=approver)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_board_shows_on_time_for_the_filed_report_and_missing_for_the_others(published_on_time, supervisor, clock):
    clock("2025-01-10 23:59")
    before = logged_in(supervisor).get("/workspace/compliance/jiangxi/2024/")
    assert {status for _row, status in [(r.department.pk, r.status) for r, *_ in before.context["rows"]]} == {
        "on_time",
        "not_due",
    }
    clock("2025-01-11 00:01")  # a minute after Jiangxi's deadline, Shanghai time
    response = logged_in(supervisor).get("/workspace/compliance/jiangxi/2024/")
    assert response.status_code == 200
    rows = {row.department.pk: row.status for row, *_ in response.context["rows"]}
    assert rows[published_on_time.department_id] == "on_time"
    assert set(rows.values()) == {"on_time", "missing"}
    # The chart is an SVG image whose alternative text gives every year's rate.
    assert b'src="data:image/svg+xml;charset=utf-8,%3Csvg' in response.content
    assert "2024：8%（1/12）" in response.content.decode()


def test_the_board_exports_csv_and_is_for_supervisors_only(published_on_time, supervisor, other_supervisor, editor):
    response = logged_in(supervisor).get("/workspace/compliance/jiangxi/2024/", {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 12  # a header and Jiangxi's twelve departments bearing important duties
    assert any("江西省生态环境厅" in cell for row in rows for cell in row)
    assert logged_in(other_supervisor).get("/workspace/compliance/jiangxi/2024/").status_code in (403, 404)
    assert logged_in(editor).get("/workspace/compliance/jiangxi/2024/").status_code in (403, 404)


def test_board_queries_do_not_grow_with_filed_reports(published_on_time, supervisor):
    client = logged_in(supervisor)
    with CaptureQueriesContext(connection) as with_one:
        client.get("/workspace/compliance/jiangxi/2024/")
    with CaptureQueriesContext(connection) as with_none:
        client.get("/workspace/compliance/jiangxi/2023/")
    assert len(with_one.captured_queries) == len(with_none.captured_queries)


@pytest.mark.parametrize(
    "url", ["/reports/feed/", "/reports/jiangxi/feed/", "/reports/jiangxi/sheng-tai-huan-jing-ting/feed/"]
)
def test_atom_feeds_list_the_published_report(published_on_time, url):
    response = Client().get(url)
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert len(entries) == 1
    assert entries[0].find(f"{ATOM}link").get("href").endswith("/reports/jiangxi/sheng-tai-huan-jing-ting/2024/")


def test_the_api_lists_published_reports_and_never_drafts(published_on_time, other_department, other_editor):
    services.report_create(user=other_editor, department=other_department, year=2024)
    rows = Client().get("/api/v1/reports/").json()["results"]
    assert [row["year"] for row in rows] == [2024]


def test_the_compliance_api_has_a_row_per_key_department(published_on_time):
    rows = Client().get("/api/v1/compliance/", {"province": "jiangxi", "year": 2024}).json()["results"]
    assert len(rows) == 12
    mine = next(row for row in rows if row["department"]["id"] == published_on_time.department_id)
    assert (mine["status"], mine["deadline"]) == ("on_time", "2025-01-10")
    assert Client().get("/api/v1/compliance/", {"province": "atlantis", "year": 2024}).status_code == 400


def test_the_board_csv_opens_no_name_as_a_formula(published_on_time, supervisor, department):
    type(department).objects.filter(pk=department.pk).update(short_name="=1+1", name="@SUM(A1)")
    response = logged_in(supervisor).get("/workspace/compliance/jiangxi/2024/", {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["'@SUM(A1)", "'=1+1"] in [row[:2] for row in rows]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_the_board_counts_days_late_and_filters_by_status(published_on_time, other_department, supervisor, clock):
    """A report filed three days after the deadline is 3 days late; one never filed is overdue by the days since;
    the counts link to the departments in each state, and an unknown state is a 400 naming the parameter."""
    from tests import factories

    clock("2025-01-13 09:00")  # Jiangxi's deadline was 10 January
    factories.make_filed_report(other_department, 2024, factories.make_approver(other_department))
    clock("2025-01-20 09:00")
    client = logged_in(supervisor)
    rows = {row.department.pk: row for row, *_ in client.get("/workspace/compliance/jiangxi/2024/").context["rows"]}
    assert rows[published_on_time.department_id].days_late == 0
    assert (rows[other_department.pk].status, rows[other_department.pk].days_late) == ("late", 3)
    assert {row.days_late for row in rows.values() if row.status == "missing"} == {10}
    late = client.get("/workspace/compliance/jiangxi/2024/", {"status": "late"})
    assert [row.department.pk for row, *_ in late.context["rows"]] == [other_department.pk]
    assert "只显示“逾期报送”的部门。" in late.content.decode() and "3 天" in late.content.decode()
    assert 'href="?status=missing"' in late.content.decode()  # the counts still count every department
    bad = client.get("/workspace/compliance/jiangxi/2024/", {"status": "overdue"})
    assert bad.status_code == 400 and "status" in bad.content.decode()
    exported = list(
        csv.reader(
            io.StringIO(client.get("/workspace/compliance/jiangxi/2024/?format=csv").content.decode("utf-8-sig"))
        )
    )
    assert exported[0][6] == "逾期天数" and next(r for r in exported if r[0] == other_department.name)[6] == "3"
