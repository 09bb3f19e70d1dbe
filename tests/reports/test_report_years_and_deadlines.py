"""Which years a report is asked on, and when it is due: the province's rule says it, once."""

import datetime

import pytest

from duties.models import ReportingRule
from reports import permissions, rules
from tests.factories import make_filed_report

pytestmark = pytest.mark.django_db


def rule_of(code):
    return ReportingRule.objects.select_related("document").get(jurisdiction=code, kind="annual-report")


def test_a_rule_asks_for_reports_from_the_year_its_document_was_issued():
    jiangxi = rule_of("360000")
    assert jiangxi.first_report_year == 2023
    assert list(jiangxi.report_years(datetime.date(2026, 12, 1))) == [2023, 2024, 2025, 2026]
    assert not jiangxi.applies_to_report_year(2022)


@pytest.mark.parametrize(
    ("code", "year", "deadline"),
    [("360000", 2025, datetime.date(2026, 1, 10)), ("410000", 2023, datetime.date(2024, 2, 29))],
)
def test_the_deadline_falls_in_the_following_year(code, year, deadline):
    assert rule_of(code).annual_report_deadline(year) == deadline


def test_the_province_page_says_the_deadline_as_the_rule_sets_it(client):
    assert "每年 1 月 10 日前报告上一年度履职情况" in client.get("/jiangxi/").content.decode()
    assert "每年 2 月底前报告上一年度履职情况" in client.get("/henan/").content.decode()


def test_a_year_before_the_rule_is_not_applicable_not_missing(client):
    rows = client.get("/api/v1/compliance/", {"province": "jiangxi", "year": 2000}).json()["results"]
    assert rows and {row["status"] for row in rows} == {"not_applicable"}
    assert {row["deadline"] for row in rows} == {None}
    rows = client.get("/api/v1/compliance/", {"province": "jiangxi", "year": 2023}).json()["results"]
    assert "not_applicable" not in {row["status"] for row in rows}


def test_the_board_has_no_page_for_a_year_before_the_rule(client, supervisor):
    client.force_login(supervisor)
    assert client.get("/workspace/compliance/jiangxi/2022/").status_code == 404
    page = client.get("/workspace/compliance/jiangxi/2023/")
    assert page.status_code == 200 and "2022 年度" not in page.content.decode()
    assert [bar.year for bar in page.context["chart"].bars] == [2023]


def test_only_a_draft_can_be_submitted_and_only_a_submitted_report_published(department, approver):
    report = make_filed_report(department, 2025, approver)
    assert not permissions.can_submit(approver, report)
    assert permissions.can_publish(approver, report)
    report.state = report.State.PUBLISHED
    assert not permissions.can_publish(approver, report)


def test_a_filed_report_keeps_the_deadline_it_was_judged_against(department, approver):
    report = make_filed_report(department, 2025, approver)
    rule = rule_of("360000")
    assert rules.deadline_of(report, rule) == report.deadline == datetime.date(2026, 1, 10)
    report.deadline = datetime.date(2026, 3, 1)  # as if the rule had changed since
    assert rules.deadline_of(report, rule) == datetime.date(2026, 3, 1)


def test_the_reports_search_tab_is_filtered_by_province(client, department, approver):
    make_filed_report(department, 2025, approver, publish=True)
    everywhere = client.get("/search/", {"search": "履职", "type": "reports"}).context["counts"]["reports"]
    jiangxi = client.get("/search/", {"search": "履职", "type": "reports", "province": "jiangxi"})
    henan = client.get("/search/", {"search": "履职", "type": "reports", "province": "henan"})
    assert everywhere == jiangxi.context["counts"]["reports"] == "1"
    assert henan.context["counts"]["reports"] == "0"
