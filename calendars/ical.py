"""The calendar as an iCalendar feed (RFC 5545, built with the icalendar library) that Outlook, WPS or a phone
subscribes to: one all-day event per deadline, on its day in Beijing (an all-day DATE has no time zone to shift
it), with its status, its rule and the address of its source provision."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vText

PRODID = "-//Environmental duty lists portal//Deadlines//ZH"
REFRESH = datetime.timedelta(hours=6)


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if path else ""


def event_for(deadline, request, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", deadline.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", deadline.due)
    event.add("dtend", deadline.due + datetime.timedelta(days=1))
    event.add("summary", f"【{deadline.status_label}】{deadline.title}")
    lines = [
        _("截止日期：%(day)s（北京时间当日 24 时前）") % {"day": deadline.due.isoformat()},
        _("状态：%(status)s") % {"status": deadline.status_label},
        _("规则：%(rule)s") % {"rule": deadline.rule_text},
        _("依据：%(source)s") % {"source": deadline.source_text},
    ]
    if deadline.source_url:
        lines.append(_("原文：%(url)s") % {"url": _absolute(request, deadline.source_url)})
    if deadline.url:
        lines.append(_("已公开：%(url)s") % {"url": _absolute(request, deadline.url)})
    event.add("description", "\n".join(lines))
    event.add("categories", [deadline.kind_label])
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    if deadline.url or deadline.source_url:
        event.add("url", _absolute(request, deadline.url or deadline.source_url))
    return event


def calendar_for(deadlines, *, name: str, request) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", vText(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")  # the same interval, as clients that predate RFC 7986 read it
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for deadline in deadlines:
        calendar.add_component(event_for(deadline, request, stamp))
    return calendar.to_ical()
