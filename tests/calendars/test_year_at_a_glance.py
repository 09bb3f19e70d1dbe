"""The supervisors' year at a glance: who may see it, every measure per department, sorting, filtering, the
exports and the charts, in a fixed number of queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from problems import services
from tests import factories
from tests.disclosures.test_services import publish
from tests.problems import factories as problem_factories

pytestmark = pytest.mark.django_db
URL = "/workspace/year/jiangxi/2025/"


@pytest.fixture
def year_with_work(department, approver, office, clock):
    """江西省生态环境厅: its 2025 plan filed for record and its report on 2025 filed on time."""
    clock("2025-01-10 10:00")
    factories.make_filed_plan(department, 2025, approver, office, publish=True)
    clock("2026-01-05 10:00")
    factories.make_filed_report(department, 2025, approver, publish=True)
    clock("2026-02-01 10:00")  # the others' reports are overdue since 10 January


def test_only_the_provinces_supervisors_see_it(client, supervisor, other_supervisor, editor):
    assert client.get(URL).status_code == 302  # to the sign-in page
    for user, status in ((other_supervisor, 403), (editor, 403), (supervisor, 200)):
        client.force_login(user)
        assert client.get(URL).status_code == status


def test_each_department_with_its_list_plan_and_report(client, supervisor, year_with_work, department):
    client.force_login(supervisor)
    html = client.get(URL).content.decode()
    assert html.count("<tr data-plan=") == 12
    assert html.count('data-plan="filed" data-report="on_time"') == 1
    assert html.count('data-plan="none" data-report="missing"') == 11
    assert html.count("<svg") == 4 and "已备案 1；待备案 0；已退回 0；草稿 0；未建立 11（共 12）" in html


def test_filtered_and_sorted(client, supervisor, year_with_work):
    client.force_login(supervisor)
    assert client.get(URL + "?report=on_time").content.decode().count("<tr data-plan=") == 1
    html = client.get(URL + "?ordering=-plan").content.decode()
    assert html.index('data-plan="filed"') > html.index('data-plan="none"')
    html = client.get(URL + "?ordering=plan").content.decode()
    assert html.index('data-plan="filed"') < html.index('data-plan="none"')


def test_exported_as_csv_and_xlsx(client, supervisor, year_with_work):
    client.force_login(supervisor)
    response = client.get(URL + "?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:6] == ["部门", "牵头事项数", "年度工作方案", "备案时间", "年度专题报告", "报送时间"]
    filed = next(row for row in rows if row[0] == "江西省生态环境厅")
    assert filed[2:5] == ["已备案", "2025-01-10T10:00:00+08:00", "按时报送"]
    response = client.get(URL + "?format=xlsx&report=on_time")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]][:3] == ["江西省生态环境厅", 15, "已备案"]
    assert sheet.max_row == 2


def test_jilin_counts_each_county_governments_quarters(client, jilin, county_government, county_approver, clock):
    clock("2026-04-14 10:00")
    publish(county_government, county_approver, 2026, 1)
    client.force_login(factories.make_supervisor(jilin))
    html = client.get("/workspace/year/jilin/2026/").content.decode()
    assert html.count("<tr data-plan=") == 60 and html.count("<svg") == 5
    assert "按时公开 1；逾期公开 0；未公开 0；未到期 239（共 240）" in html


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_a_fixed_number_of_queries_whatever_is_filed(
    client, supervisor, department, approver, other_department, other_approver, office, clock
):
    client.force_login(supervisor)
    before = [count(client, URL), count(client, URL + "?format=xlsx")]
    clock("2025-01-10 10:00")
    factories.make_filed_plan(department, 2025, approver, office, publish=True)
    factories.make_filed_plan(other_department, 2025, other_approver, office)
    clock("2026-01-05 10:00")
    factories.make_filed_report(other_department, 2025, other_approver)
    problems_of_2025(department, office, clock)
    assert [count(client, URL), count(client, URL + "?format=xlsx")] == before == [16, 15]


def problems_of_2025(department, office, clock):
    """Problems given to `department`: three due in 2025 (closed on time, closed late, overdue since), one due in
    2026 and one declined, which no year counts."""
    handler = problem_factories.handler(department, username=f"handler-{department.pk}")
    county = problem_factories.county_in_jiangxi()
    clock("2025-01-05 10:00")
    on_time, late, overdue = (
        problem_factories.accepted(problem_factories.file_problem(county).problem, office, handler, department)
        for _ in range(3)
    )
    declined = problem_factories.file_problem(county).problem
    services.problem_decline(problem=declined, user=office, reason="不属于生态环境问题。")
    clock("2025-02-01 10:00")
    problem_factories.closed(on_time, office, handler)
    clock("2025-04-01 10:00")  # past the 60 days from 5 January
    problem_factories.closed(late, office, handler)
    clock("2025-12-20 10:00")
    problem_factories.accepted(problem_factories.file_problem(county).problem, office, handler, department)
    clock("2026-02-01 10:00")
    return overdue


def test_each_departments_problems_closed_on_time_in_the_year(client, supervisor, department, office, clock):
    problems_of_2025(department, office, clock)
    client.force_login(supervisor)
    html = client.get(URL).content.decode()
    assert "按时办结销号 1；逾期办结销号 1；逾期未办结 1；办理中（未逾期） 0（共 3）" in html
    row = html[html.index('<th scope="row">江西省生态环境厅</th>') :]
    assert row[: row.index("</tr>")].endswith('1 / 3（33%） <span class="status status--late">逾期 1</span></td>\n    ')
    assert html.count('<td class="glance-problems">—</td>') == 11  # no problem was due for the others
    html = client.get("/workspace/year/jiangxi/2026/").content.decode()
    assert "按时办结销号 0；逾期办结销号 0；逾期未办结 0；办理中（未逾期） 1（共 1）" in html


def test_sorted_by_problems_closed_on_time_and_exported(client, supervisor, department, office, clock):
    problems_of_2025(department, office, clock)
    client.force_login(supervisor)
    html = client.get(URL + "?ordering=-problems").content.decode()
    assert html.index("江西省生态环境厅") < html.index("江西省发展和改革委员会")
    html = client.get(URL + "?ordering=problems").content.decode()
    assert html.index("江西省生态环境厅") > html.index("江西省发展和改革委员会")
    rows = list(csv.reader(io.StringIO(client.get(URL + "?format=csv").content.decode("utf-8-sig"))))
    assert rows[0][-4:] == ["本年到期的问题", "按时办结销号", "逾期办结销号", "逾期未办结"]
    assert next(row for row in rows if row[0] == "江西省生态环境厅")[-4:] == ["3", "1", "1", "1"]
    sheet = load_workbook(io.BytesIO(client.get(URL + "?format=xlsx").content)).active
    ecology = next(line for line in sheet.iter_rows(values_only=True) if line[0] == "江西省生态环境厅")
    assert list(ecology[-4:]) == [3, 1, 1, 1]
