"""GeoReport's dates: W3C (RFC 3339) date-times, `2026-03-01T00:00:00+08:00` or `…Z`, and nothing else.

The first and the last day a date can hold (0001-01-01, 9999-12-31) are refused: with a time zone they may
fall outside what a date-time can hold once converted to UTC, and no request is filed on either.
"""

import datetime
import re

from rest_framework import exceptions

W3C_DATETIME = re.compile(
    r"(?P<date>[0-9]{4}-(?:0[1-9]|1[0-2])-[0-9]{2})[Tt](?P<time>(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])"
    r"(?:\.(?P<fraction>[0-9]+))?(?P<offset>[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
)
REFUSED_DAYS = ("0001-01-01", "9999-12-31")
# For the schema: the same two days refused (the format says the rest).
SCHEMA_PATTERN = "^(?!0001-01-01)(?!9999-12-31)"
NOT_A_MOMENT = "应为 W3C 日期时间，如 2026-03-01T00:00:00+08:00（0001-01-01 与 9999-12-31 两日除外）。"
EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)


def parse(value: str) -> datetime.datetime | None:
    """The moment `value` names, or None when it is not a W3C date-time this portal can hold."""
    match = W3C_DATETIME.fullmatch(value)
    if match is None or match["date"] in REFUSED_DAYS:
        return None
    fraction = (match["fraction"] or "")[:6].ljust(6, "0")
    offset = "+00:00" if match["offset"] in "Zz" else match["offset"]
    try:
        return datetime.datetime.fromisoformat(f"{match['date']}T{match['time']}.{fraction}{offset}")
    except ValueError:  # a day the month does not have: 2026-02-30
        return None


def moment(params, name) -> datetime.datetime | None:
    """The parameter `name` as a moment, None when absent; a 400 naming it when it is not one."""
    value = params.get(name)
    if value is None:
        return None
    # A "+" in a query string reads as a space when the client did not encode it.
    parsed = parse(value.replace(" ", "+"))
    if parsed is None:
        raise exceptions.ValidationError({name: NOT_A_MOMENT})
    return parsed


def days_before(end: datetime.datetime, days: int) -> datetime.datetime:
    """`days` days before `end`, or the earliest moment when that is before any date-time."""
    try:
        return end - datetime.timedelta(days=days)
    except OverflowError:
        return EARLIEST
