"""The board of one quarter says who published on time, late, or not at all; in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosures import selectors
from duties.models import Department
from tests import factories
from tests.disclosures.test_services import publish

pytestmark = pytest.mark.django_db


def test_q1_on_time_and_q2_late_and_the_others_overdue(jilin, county_government, county_approver, clock):
    clock("2026-04-14 10:00")
    publish(county_government, county_approver, 2026, 1)
    clock("2026-07-20 10:00")
    publish(county_government, county_approver, 2026, 2)
    q1 = {row.body.pk: row.status for row in selectors.board_rows(jilin, 2026, 1)}
    q2 = {row.body.pk: row.status for row in selectors.board_rows(jilin, 2026, 2)}
    q3 = {row.body.pk: row.status for row in selectors.board_rows(jilin, 2026, 3)}
    assert q1.pop(county_government.pk) == "on_time" and set(q1.values()) == {"missing"}
    assert q2.pop(county_government.pk) == "late" and set(q2.values()) == {"missing"}
    assert set(q3.values()) == {"not_due"}


def test_the_board_page_shows_each_government(client, county_government, county_approver, clock):
    clock("2026-04-14 10:00")
    publish(county_government, county_approver, 2026, 1)
    html = client.get("/disclosures/jilin/2026/q1/").content.decode()
    assert html.count('data-status="on_time"') == 1 and html.count('data-status="missing"') == 0
    assert html.count('data-status="not_due"') == 59  # the deadline, 15 April, has not passed
    assert "南关区人民政府" in html and "2026-04-15" in html


def test_a_quarter_the_province_asks_nothing_of_is_not_found(client, jilin_counties):
    assert client.get("/disclosures/jiangxi/2026/q1/").status_code == 404
    assert client.get("/disclosures/jilin/2015/q1/").status_code == 404  # before Jilin's document


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_board_and_a_disclosure_run_a_fixed_number_of_queries(client, county_government, county_approver, clock):
    clock("2026-04-14 10:00")
    first = publish(county_government, county_approver, 2026, 1)
    counts_before = (
        count_queries(client, "/disclosures/jilin/2026/q1/"),
        count_queries(client, first.get_absolute_url()),
    )
    for code in ("220103", "220104", "220105"):
        government = Department.objects.get(jurisdiction=code)
        publish(government, factories.make_approver(government), 2026, 1)
    counts_after = (
        count_queries(client, "/disclosures/jilin/2026/q1/"),
        count_queries(client, first.get_absolute_url()),
    )
    assert counts_before == counts_after == (7, 3)
