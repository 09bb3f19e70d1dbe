"""Every item of Jiangxi's annex: its lead department, its number and its text, as printed."""

import re

import pytest

from duties.models import DutyItem, DutyRole

pytestmark = pytest.mark.django_db

SOURCE = "000_7da49b89639e252e.txt"
SECTION_RE = re.compile(r"^[一二三四五六七八九十]+、(?P<department>.+)$")
ITEM_RE = re.compile(r"^(?P<number>\d+)\.(?P<text>.+)$")


def annex_lines_as_printed(settings):
    """(department as printed, number, text) read straight off lines 55–150 of the source."""
    lines = (settings.DUTY_SOURCES_DIR / SOURCE).read_text(encoding="utf-8").split("\n")[54:150]
    rows, department = [], None
    for line in lines:
        if match := SECTION_RE.match(line):
            department = match["department"]
        elif match := ITEM_RE.match(line):
            rows.append((department, match["number"], match["text"]))
    return rows


def test_the_annex_has_84_items_led_by_12_departments():
    duties = DutyItem.objects.filter(document__source_file=SOURCE)
    assert duties.count() == 84
    leads = DutyRole.objects.filter(duty__in=duties, role="lead").values("department").distinct()
    assert leads.count() == 12


def test_every_item_matches_the_printed_line(settings):
    printed = annex_lines_as_printed(settings)
    assert len(printed) == 84
    duties = DutyItem.objects.filter(document__source_file=SOURCE).with_departments().order_by("position")
    parsed = []
    for duty in duties:
        (lead_role,) = [role for role in duty.roles.all() if role.role == "lead"]
        parsed.append((lead_role.name_as_written, duty.number, duty.text))
    assert parsed == printed


def test_numbers_restart_at_1_for_each_department():
    duties = DutyItem.objects.filter(document__source_file=SOURCE).with_departments().order_by("position")
    numbers_by_lead = {}
    for duty in duties:
        numbers_by_lead.setdefault(duty.lead_departments[0].short_name, []).append(int(duty.number))
    for numbers in numbers_by_lead.values():
        assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers_by_lead["省生态环境厅"]) == 13


def test_each_item_cites_its_provision_in_the_annex():
    duty = DutyItem.objects.select_related("provision", "provision__parent").get(
        document__source_file=SOURCE, text__startswith="牵头组织改善农村人居环境工作"
    )
    assert duty.number == "2"
    assert duty.provision.anchor == "annex-d9-i2"
    assert duty.provision.parent.heading == "省农业农村厅"
    assert duty.provision.line_start == 130
