"""One list of every deadline: each kind on the day its own rule gives, with its status (done on time, done late,
overdue, not yet due) and its rule and source provision."""

import datetime

import pytest

from calendars import selectors
from calendars.deadlines import DeadlineKind
from duties.models import Department, Jurisdiction
from plans.models import PlanRule
from tests import factories
from tests.disclosures.test_services import publish

pytestmark = pytest.mark.django_db


def by_body(deadlines, kind):
    return {d.body.pk: d for d in deadlines if d.kind == kind}


def test_jiangxi_2026_lists_the_report_on_2025_due_10_january_with_each_status(department, approver, clock):
    clock("2026-01-09 10:00")
    factories.make_filed_report(department, 2025, approver, publish=True)
    clock("2026-01-12 10:00")
    late = Department.objects.get(pk=360000002)
    factories.make_filed_report(late, 2025, factories.make_approver(late))
    jiangxi = Jurisdiction.objects.get(code="360000")
    deadlines = by_body(selectors.deadlines_for(jiangxi, [2026], today=datetime.date(2026, 1, 12)), "annual-report")
    assert len(deadlines) == Department.objects.filter(jurisdiction=jiangxi, bears_key_duties=True).count()
    assert {d.due for d in deadlines.values()} == {datetime.date(2026, 1, 10)}
    assert deadlines[department.pk].status == "on_time" and deadlines[department.pk].url.startswith("/reports/")
    assert deadlines[late.pk].status == "late" and deadlines[late.pk].url == ""
    others = {d.status for pk, d in deadlines.items() if pk not in (department.pk, late.pk)}
    assert others == {"missing"}
    assert deadlines[department.pk].source_url == "/jiangxi/documents/36000001/#p3-m9"
    assert deadlines[department.pk].rule_text == "每年 1 月 10 日前"
    before = selectors.deadlines_for(jiangxi, [2026], today=datetime.date(2026, 1, 10))
    assert {d.status for d in before if d.body.pk not in (department.pk, late.pk)} == {"not_due"}


def test_no_report_is_due_on_a_year_before_the_rule():
    jiangxi = Jurisdiction.objects.get(code="360000")  # the rule's document is of 2023: reports from 2023 on
    assert [d for d in selectors.deadlines_for(jiangxi, [2023], today=datetime.date(2026, 1, 1))] == []
    assert {d.period for d in selectors.deadlines_for(jiangxi, [2024], today=datetime.date(2026, 1, 1))} == {"2023"}


def test_chongqing_lists_publishing_within_two_months_of_the_document():
    chongqing = Jurisdiction.objects.get(code="500000")
    deadlines = selectors.deadlines_for(chongqing, [2024], kinds=[DeadlineKind.LIST_PUBLICATION])
    assert {d.due for d in deadlines} == {datetime.date(2024, 2, 11)}  # issued 11 December 2023
    # Chongqing's plan sets general requirements: no department has published a specific list on the portal.
    assert deadlines and {d.status for d in deadlines} == {"missing"}
    assert deadlines[0].source_text == "本方案印发后2个月内,在本部门网站向社会公开"


def test_plan_filing_deadlines_appear_once_the_province_sets_one(department, approver, clock):
    jiangxi = department.jurisdiction
    assert selectors.deadlines_for(jiangxi, [2026], kinds=[DeadlineKind.PLAN_FILING]) == []
    PlanRule.objects.create(province=jiangxi, filing_deadline_month=3, filing_deadline_day=31, source="测试设定")
    clock("2026-02-01 10:00")
    from plans import services

    plan = factories.fill_plan(services.plan_create(user=approver, department=department, year=2026), approver)
    services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    deadlines = by_body(selectors.deadlines_for(jiangxi, [2026], kinds=[DeadlineKind.PLAN_FILING]), "plan-filing")
    assert deadlines[department.pk].due == datetime.date(2026, 3, 31)
    assert deadlines[department.pk].status == "on_time"
    assert deadlines[department.pk].source_text == "测试设定"


def test_jilin_counties_disclose_four_quarters_q4_of_last_year_due_in_january(
    jilin, county_government, county_approver, clock
):
    clock("2026-04-14 10:00")
    publish(county_government, county_approver, 2026, 1)
    deadlines = selectors.deadlines_for(jilin, [2026], department=county_government, today=datetime.date(2026, 5, 1))
    assert [(d.period, d.due, d.status) for d in deadlines] == [
        ("2025-Q4", datetime.date(2026, 1, 15), "missing"),
        ("2026-Q1", datetime.date(2026, 4, 15), "on_time"),
        ("2026-Q2", datetime.date(2026, 7, 15), "not_due"),
        ("2026-Q3", datetime.date(2026, 10, 15), "not_due"),
    ]
    assert "固体废物和垃圾处置" in deadlines[1].title and "本平台设定" in deadlines[1].rule_text
    assert deadlines[1].source_url == "/jilin/documents/22000001/#p6-m3"


def test_a_department_s_calendar_lists_only_its_own_deadlines(department):
    deadlines = selectors.deadlines_for(department.jurisdiction, [2026], department=department)
    assert {d.body.pk for d in deadlines} == {department.pk}


def test_filters_by_kind_and_status(department):
    jiangxi = department.jurisdiction
    overdue = selectors.deadlines_for(jiangxi, [2026], statuses=["missing"], today=datetime.date(2026, 6, 1))
    assert overdue and {d.status for d in overdue} == {"missing"}
    assert selectors.deadlines_for(jiangxi, [2026], kinds=["quarterly-disclosure"]) == []


def test_each_deadline_has_a_stable_uid(department):
    deadlines = selectors.deadlines_for(department.jurisdiction, [2026], department=department)
    assert deadlines[0].uid == f"annual-report-{department.pk}-2025@duty-lists.portal"
