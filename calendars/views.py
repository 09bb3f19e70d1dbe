"""The calendar of a province, a department or a supervisor's province: a page (grouped by month) and an
iCalendar feed to subscribe to, both reading the same parameters as the API (calendars/query.py)."""

from itertools import groupby

from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from calendars import ical, selectors
from calendars.deadlines import STATUS_LABELS
from calendars.query import CalendarQuery
from duties.models import Jurisdiction


def _name(selection) -> str:
    body = selection["department"] or selection["province"]
    return _("%(name)s生态环境保护截止日期") % {"name": body.name}


class CalendarView(TemplateView):
    """Every deadline of one year, month by month, with its status and its rule one click away."""

    template_name = "calendars/calendar.html"

    def get(self, request, *args, **kwargs):
        self.query = CalendarQuery(request.GET or None)
        context = self.get_context_data(**kwargs)
        status = 400 if self.query.is_bound and not self.query.is_valid() else 200
        return self.render_to_response(context, status=status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            form=self.query,
            provinces=Jurisdiction.objects.provinces().order_by("code"),
            breadcrumbs=[(_("截止日期日历"), None)],
            **kwargs,
        )
        if not (self.query.is_bound and self.query.is_valid()):
            return context
        selection = self.query.selection()
        year = self.query.cleaned_data["year"]
        deadlines = selectors.deadlines_for(years=[year], **selection)
        feed_params = {"province": selection["province"].slug}
        if selection["department"] is not None:
            feed_params["department"] = selection["department"].pk
        counts = {status: sum(1 for d in deadlines if d.status == status) for status in STATUS_LABELS}
        context.update(
            selection=selection,
            year=year,
            title=_name(selection),
            months=[(month, list(items)) for month, items in groupby(deadlines, key=lambda d: d.due.month)],
            counts=[(status, label, counts[status]) for status, label in STATUS_LABELS.items()],
            total=len(deadlines),
            feed_url=f"{reverse('calendars:feed')}?{urlencode(feed_params)}",
            api_url=f"{reverse('calendar-list')}?{urlencode({**feed_params, 'year': year})}",
            previous_year=year - 1,
            next_year=year + 1,
            year_params=urlencode(feed_params),
        )
        return context


def calendar_feed(request):
    """The deadlines of last year, this year and next year as an .ics file to subscribe to."""
    query = CalendarQuery(request.GET)
    if not query.is_valid():
        return HttpResponse(
            "\n".join(f"{field}: {' '.join(errors)}" for field, errors in query.errors.items()),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    selection = query.selection()
    deadlines = selectors.deadlines_for(years=selectors.feed_years(), **selection)
    response = HttpResponse(
        ical.calendar_for(deadlines, name=_name(selection), request=request),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
    response["Cache-Control"] = "public, max-age=3600"
    return response
