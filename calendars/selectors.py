"""The calendar's reads: the deadlines of a province (or one department) in some years, filtered by kind and
status, shared by the page, the API, the iCalendar feed, the reminders and the year at a glance."""

import datetime

from calendars import sources
from calendars.deadlines import Deadline, sort_key
from reports.rules import today_in_china

FEED_YEARS_BEFORE, FEED_YEARS_AFTER = 1, 1  # a subscribed feed: last year's deadlines, this year's and next year's


def deadlines_for(
    province, years, *, department=None, kinds=None, statuses=None, today: datetime.date | None = None
) -> list[Deadline]:
    """Every deadline falling in `years` (calendar years) for `province`'s bodies, or only `department`'s."""
    today = today or today_in_china()
    years = sorted(set(years))
    found = []
    for source in sources.SOURCES:
        found.extend(source(province, years, department=department, today=today))
    if kinds:
        found = [deadline for deadline in found if deadline.kind in kinds]
    if statuses:
        found = [deadline for deadline in found if deadline.status in statuses]
    return sorted(found, key=sort_key)


def feed_years(today: datetime.date | None = None) -> list[int]:
    today = today or today_in_china()
    return list(range(today.year - FEED_YEARS_BEFORE, today.year + FEED_YEARS_AFTER + 1))
