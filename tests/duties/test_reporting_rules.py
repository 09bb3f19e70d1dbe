"""Each province's reporting rules, as data, with their deadlines."""

import datetime

import pytest

from duties.models import ReportingRule

pytestmark = pytest.mark.django_db


def annual_rule(slug):
    return ReportingRule.objects.select_related("provision").get(jurisdiction__slug=slug, kind="annual-report")


def test_jiangxi_reports_by_10_january_to_its_party_committee_and_government():
    rule = annual_rule("jiangxi")
    assert rule.annual_report_deadline(2023) == datetime.date(2024, 1, 10)
    assert rule.submit_to == ["本级党委和政府"]
    assert rule.copy_to == ["上级主管部门", "本级环委会"]
    assert rule.publish_online
    assert rule.provision.anchor == "p3-m9"


@pytest.mark.parametrize("slug", ["henan", "chongqing"])
def test_end_of_february_deadline_falls_on_29_february_in_a_leap_year(slug):
    rule = annual_rule(slug)
    assert rule.annual_report_deadline(2023) == datetime.date(2024, 2, 29)
    assert rule.annual_report_deadline(2024) == datetime.date(2025, 2, 28)
    assert rule.annual_report_deadline(2099) == datetime.date(2100, 2, 28)  # 2100 is not a leap year
    assert rule.publish_online


def test_henan_copies_its_report_to_the_ecology_department():
    rule = annual_rule("henan")
    assert rule.submit_to == ["省委和省政府"]
    assert rule.copy_to == ["上级主管部门", "省生态环境厅"]
    assert rule.provision.number == "(十二)"  # as printed, brackets included


def test_chongqing_publishes_its_lists_within_two_months_of_issue():
    rule = ReportingRule.objects.get(jurisdiction__slug="chongqing", kind="list-publication")
    assert rule.months_after_issue == 2
    assert rule.list_publication_deadline() == datetime.date(2024, 2, 11)
    assert rule.provision.anchor == "p2-m1"


def test_jilin_discloses_one_topic_each_quarter():
    rules = ReportingRule.objects.filter(jurisdiction__slug="jilin", kind="quarterly-disclosure").order_by("quarter")
    assert [(rule.quarter, rule.topic) for rule in rules] == [
        (1, "固体废物和垃圾处置"),
        (2, "黑臭水体整治和流域水环境治理"),
        (3, "生态保护与修复"),
        (4, "雾霾治理和重污染天气管控"),
    ]
    assert {rule.provision.anchor for rule in rules} == {"p6-m3"}


def test_a_rule_without_a_yearly_deadline_refuses_to_compute_one():
    rule = ReportingRule.objects.get(jurisdiction__slug="chongqing", kind="list-publication")
    with pytest.raises(ValueError):
        rule.annual_report_deadline(2023)
