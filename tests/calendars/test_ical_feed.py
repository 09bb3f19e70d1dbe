"""The .ics feed validates: the icalendar library and an independent parser (vobject) read it back, and every
deadline falls on its day in Asia/Shanghai, the end of February included in leap and other years."""

import datetime

import icalendar
import pytest
import vobject

from duties.models import Jurisdiction

pytestmark = pytest.mark.django_db


@pytest.fixture
def today_2027(monkeypatch, clock):
    clock("2027-06-01 10:00")


def fetch(client, query):
    response = client.get(f"/calendar.ics?{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def test_both_parsers_read_the_feed_and_agree_on_every_event(client, today_2027):
    body = fetch(client, "province=henan")
    parsed = icalendar.Calendar.from_ical(body)
    ours = {str(event["uid"]): event.decoded("dtstart") for event in parsed.walk("VEVENT")}
    theirs = {
        component.uid.value: component.dtstart.value
        for component in vobject.readOne(body.decode("utf-8")).components()
        if component.name == "VEVENT"
    }
    assert ours == theirs and len(ours) == 13 * 3  # Henan's 13 departments, reports due in 2026, 2027, 2028
    assert all(isinstance(day, datetime.date) and not isinstance(day, datetime.datetime) for day in ours.values())


def test_henan_end_of_february_in_a_non_leap_and_a_leap_year(client, today_2027):
    parsed = icalendar.Calendar.from_ical(fetch(client, "province=henan&department=410000001"))
    days = {str(event["uid"]).split("@")[0].split("-")[-1]: event.decoded("dtstart") for event in parsed.walk("VEVENT")}
    assert days == {
        "2025": datetime.date(2026, 2, 28),
        "2026": datetime.date(2027, 2, 28),
        "2027": datetime.date(2028, 2, 29),
    }
    ends = {event.decoded("dtend") for event in parsed.walk("VEVENT")}
    assert ends == {datetime.date(2026, 3, 1), datetime.date(2027, 3, 1), datetime.date(2028, 3, 1)}


def test_jiangxi_10_january_is_10_january_for_a_subscriber_in_any_time_zone(client, today_2027):
    calendar = vobject.readOne(fetch(client, "province=jiangxi&department=360000001").decode("utf-8"))
    starts = sorted(event.dtstart.value for event in calendar.vevent_list)
    assert starts == [datetime.date(2026, 1, 10), datetime.date(2027, 1, 10), datetime.date(2028, 1, 10)]
    assert calendar.contents["x-wr-timezone"][0].value == "Asia/Shanghai"


def test_each_event_says_its_status_rule_and_source(client, today_2027):
    parsed = icalendar.Calendar.from_ical(fetch(client, "province=jiangxi&department=360000001"))
    event = next(iter(parsed.walk("VEVENT")))
    assert str(event["summary"]).startswith("【已逾期未完成】江西省生态环境厅报送 2025 年度")
    description = str(event["description"])
    assert "规则：每年 1 月 10 日前" in description
    assert "原文：http://testserver/jiangxi/documents/36000001/#p3-m9" in description


def test_a_bad_parameter_is_a_400_naming_it(client):
    response = client.get("/calendar.ics?province=nowhere")
    assert response.status_code == 400 and response.content.decode().startswith("province:")


def test_the_feed_has_the_same_events_whoever_asks_twice(client, today_2027):
    first = icalendar.Calendar.from_ical(fetch(client, "province=jilin"))
    assert Jurisdiction.objects.filter(code__startswith="22").count() == 1  # no counties joined: no events
    assert list(first.walk("VEVENT")) == []
