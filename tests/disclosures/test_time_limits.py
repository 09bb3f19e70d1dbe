"""The quarterly deadline is data per province, with its source; the portal's default says it is the portal's."""

import datetime

import pytest

from disclosures.models import PORTAL_DEFAULT_SOURCE, DisclosureTimeLimit, quarter_end

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("year", "quarter", "deadline"),
    [
        (2026, 1, datetime.date(2026, 4, 15)),
        (2026, 2, datetime.date(2026, 7, 15)),
        (2026, 3, datetime.date(2026, 10, 15)),
        (2026, 4, datetime.date(2027, 1, 15)),
    ],
)
def test_the_default_is_15_days_after_the_quarter_ends(jilin, year, quarter, deadline):
    limit = DisclosureTimeLimit.objects.for_province(jilin)
    assert limit.set_by_portal and limit.source == PORTAL_DEFAULT_SOURCE
    assert limit.deadline(year, quarter) == deadline


def test_a_province_sets_its_own_limit_with_its_source(jilin):
    DisclosureTimeLimit.objects.create(province=jilin, days_after_quarter=10, source="吉林省某文件：10 日内")
    limit = DisclosureTimeLimit.objects.for_province(jilin)
    assert not limit.set_by_portal and limit.deadline(2026, 1) == datetime.date(2026, 4, 10)
    assert limit.deadline_display == "每季度结束后 10 日内"


def test_quarters_end_on_their_last_day_in_leap_and_other_years():
    assert [quarter_end(2028, q) for q in (1, 2, 3, 4)] == [
        datetime.date(2028, 3, 31),
        datetime.date(2028, 6, 30),
        datetime.date(2028, 9, 30),
        datetime.date(2028, 12, 31),
    ]
