"""A department's record on problems as the public reads it on the department's page and as supervisors read it
on the compliance board (the problems due in the board's year), each from one call of the figures selector."""

import csv
import io

import pytest

from problems import services
from tests.problems.factories import accepted, assigned, beijing, closed, file_problem

pytestmark = pytest.mark.django_db
BOARD = "/workspace/compliance/jiangxi/2024/"


@pytest.fixture
def record(county, office, handler, housing, clock):
    """住建厅's problems: two due in 2024 (one closed on time, one overdue since), one due in 2025."""
    clock.set(beijing(2024, 3, 1))
    on_time = accepted(file_problem(county).problem, office, handler, housing)
    accepted(file_problem(county).problem, office, handler, housing)
    clock.set(beijing(2024, 3, 11))
    closed(on_time, office, handler)
    clock.set(beijing(2024, 12, 20))
    accepted(file_problem(county).problem, office, handler, housing)
    clock.set(beijing(2025, 2, 1))


def figure(html, term):
    """The number after `term` in the figures' list (<dt>term</dt><dd>number</dd>)."""
    start = html.index(f"<dt>{term}</dt><dd>") + len(f"<dt>{term}</dt><dd>")
    return html[start : html.index("</dd>", start)]


def test_the_department_page_shows_its_problem_figures(client, record, housing):
    html = client.get(housing.get_absolute_url()).content.decode()
    assert "生态环境问题办理情况" in html
    assert figure(html, "收到") == "3"
    assert figure(html, "按时受理") == "3 / 3"
    assert figure(html, "按时办结并销号") == "1 / 1"
    assert figure(html, "办结天数中位数") == "10"
    assert figure(html, "当前逾期") == "1"  # the one due in May 2024
    assert f'href="/problems/departments/{housing.pk}/"' in html


def test_a_department_without_problems_shows_zeros(client, transport):
    html = client.get(transport.get_absolute_url()).content.decode()
    assert figure(html, "收到") == "0" and figure(html, "办结天数中位数") == "—"


def board_row(html, department):
    """The department's row in the board's table of the year's problems (after the reports' table)."""
    start = html.index(f">{department.name}</", html.index('id="problems-title"'))
    return html[start : html.index("</tr>", start)]


def test_the_board_counts_the_problems_due_in_its_year(client, record, supervisor, housing, transport):
    client.force_login(supervisor)
    html = client.get(BOARD).content.decode()
    assert "2024 年到期的生态环境问题" in html and "按办结截止日（含延期）计入年度" in html
    row = board_row(html, housing)
    assert f'<td class="problem-due"><a href="/problems/departments/{housing.pk}/">2</a></td>' in row
    assert '<td class="problem-on-time">1（50%）</td>' in row
    assert '<strong class="status status--late">1</strong>' in row
    assert '<td class="problem-due">0</td>' in board_row(html, transport)
    rows = list(csv.reader(io.StringIO(client.get(BOARD + "?format=csv").content.decode("utf-8-sig"))))
    assert rows[0][-4:] == ["本年度到期的问题", "按时办结销号", "逾期办结", "当前逾期"]
    assert next(line for line in rows if line[0] == housing.name)[-4:] == ["2", "1", "0", "1"]


def test_a_withdrawn_problem_is_in_no_figure(client, county, housing, office):
    filed = file_problem(county)
    assigned(filed.problem, office, housing)
    assert figure(client.get(housing.get_absolute_url()).content.decode(), "收到") == "1"
    services.problem_withdraw(problem=filed.problem, access_key=filed.access_key, reason="已自行解决。")
    assert figure(client.get(housing.get_absolute_url()).content.decode(), "收到") == "0"
