"""What each province's annual-report rule asks of a report, read from the rule's provision."""

import datetime

import pytest

from duties.models import Jurisdiction, ReportingRule
from reports import rules

pytestmark = pytest.mark.django_db


def annual_rule(slug):
    return rules.annual_rule_for(Jurisdiction.objects.get(slug=slug, parent__isnull=True))


def test_jiangxi_asks_for_the_pollution_prevention_campaign_as_an_extra_section():
    rule = annual_rule("jiangxi")
    sections = rules.extra_sections(rule)
    assert [section.title for section in sections] == ["污染防治攻坚战落实情况"]
    # The section cites the provision that asks for it, and the provision says so.
    assert sections[0].provision == rule.provision
    assert "污染防治攻坚战" in rule.provision.text


def test_the_scope_lists_overall_extra_and_led_duties_in_the_rules_order():
    assert rules.report_scope(annual_rule("jiangxi")) == [
        "生态环境保护职责履行情况",
        "污染防治攻坚战",
        "牵头负责的生态环境保护具体事项落实情况",
    ]


@pytest.mark.parametrize("slug", ["henan", "chongqing"])
def test_henan_and_chongqing_ask_only_for_the_overall_part_and_the_led_duties(slug):
    rule = annual_rule(slug)
    assert len(rules.report_scope(rule)) == 2
    assert rules.extra_sections(rule) == []


def test_jilin_sets_no_annual_report_rule():
    assert annual_rule("jilin") is None
    assert rules.extra_sections(None) == []


def test_a_rule_whose_text_lists_nothing_asks_for_no_extra_section():
    rule = ReportingRule.objects.select_related("provision").get(jurisdiction__slug="jiangxi", kind="annual-report")
    rule.provision.text = "各部门每年报告。"
    assert rules.extra_sections(rule) == []


@pytest.mark.parametrize(
    ("moment", "on_time"),
    [
        ("2025-01-10T23:59:59+08:00", True),
        ("2025-01-11T00:00:00+08:00", False),
        # 15:59 UTC on the 10th is 23:59 in Beijing: on time although the UTC date is the 10th…
        ("2025-01-10T15:59:59+00:00", True),
        # …and 16:00 UTC on the 10th is already the 11th in Beijing.
        ("2025-01-10T16:00:00+00:00", False),
    ],
)
def test_the_deadline_day_ends_at_midnight_beijing_time(moment, on_time):
    deadline = annual_rule("jiangxi").annual_report_deadline(2024)
    assert deadline == datetime.date(2025, 1, 10)
    assert rules.submitted_on_time(datetime.datetime.fromisoformat(moment), deadline) is on_time
