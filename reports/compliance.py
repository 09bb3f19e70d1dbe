"""The supervisors' compliance board: who filed the report on a year, on time or late, as a
page with an on-time-rate chart drawn on the server (SVG) and as a CSV file; beside each department, its record on
the problems it had to close in that year.

The problems live in an app above this one (it uses the reports' accounts), so reports do not import it:
settings.REPORT_PROBLEM_FIGURES names the function that answers, `(departments, year=year) -> {department id:
figures}`, and the project's settings wire the two together. Without it the board shows no problem figures.
"""

import csv
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from duties.models import Jurisdiction
from duties.publication import list_publication_rows
from reports import permissions, rules, selectors
from spreadsheets import formula_guarded

CHART_YEARS = 6
STATUS_LABELS = {
    selectors.ComplianceStatus.NOT_DUE: "未到期",
    selectors.ComplianceStatus.ON_TIME: "按时报送",
    selectors.ComplianceStatus.LATE: "逾期报送",
    selectors.ComplianceStatus.MISSING: "未报送",
    selectors.ComplianceStatus.NOT_APPLICABLE: "不适用",
}


def status_label(status):
    return _(STATUS_LABELS[status])


def shows_problems() -> bool:
    return bool(getattr(settings, "REPORT_PROBLEM_FIGURES", ""))


def problem_figures(departments, year: int) -> dict:
    """Each department's figures on the problems counted for `year` (by department id), in one selector call."""
    return import_string(settings.REPORT_PROBLEM_FIGURES)(departments, year=year) if shows_problems() else {}


@dataclass(frozen=True)
class Bar:
    year: int
    percent: int
    on_time: int
    total: int
    due: bool
    x: int
    y: int
    height: int
    label_y: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    baseline: int
    bars: list
    gridlines: list


def on_time_chart(rates) -> Chart:
    """Bar positions for the on-time rate by year, computed here so the template only places them."""
    top, plot_height, bar_width, gap, left = 24, 160, 44, 24, 48
    bars = []
    for index, rate in enumerate(rates):
        height = round(plot_height * rate.percent / 100)
        y = top + plot_height - height
        bars.append(
            Bar(
                year=rate.year,
                percent=rate.percent,
                on_time=rate.on_time,
                total=rate.total,
                due=rate.due,
                x=left + index * (bar_width + gap),
                y=y,
                height=height,
                label_y=y - 6,
            )
        )
    gridlines = [(percent, top + plot_height - round(plot_height * percent / 100)) for percent in (0, 50, 100)]
    width = left + len(rates) * (bar_width + gap)
    return Chart(width=width, height=top + plot_height + 28, baseline=top + plot_height, bars=bars, gridlines=gridlines)


class ComplianceBoardView(LoginRequiredMixin, TemplateView):
    """One province and year: each department bearing important duties, its deadline and status."""

    template_name = "reports/compliance_board.html"

    @cached_property
    def province(self):
        return get_object_or_404(Jurisdiction, parent__isnull=True, slug=self.kwargs["province"])

    @cached_property
    def rule(self):
        return rules.annual_rule_for(self.province)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if not permissions.supervises(request.user, self.province):
                raise PermissionDenied
            if self.rule is None or self.kwargs["year"] not in self.rule.report_years(rules.today_in_china()):
                raise Http404  # no report is asked on that year
        return super().dispatch(request, *args, **kwargs)

    def rows(self):
        return selectors.compliance_rows(self.province, self.kwargs["year"], rule=self.rule)

    def rows_with_problems(self, rows):
        figures = problem_figures([row.department for row in rows], self.kwargs["year"])
        return [(row, figures.get(row.department.pk)) for row in rows]

    @cached_property
    def status_filter(self) -> str:
        """`?status=`: only the departments in that state ("" for all); anything else is refused."""
        return self.request.GET.get("status", "")

    def get(self, request, *args, **kwargs):
        if self.status_filter and self.status_filter not in STATUS_LABELS:
            return HttpResponseBadRequest(
                _("status：没有“%(value)s”这种状态；可选 %(choices)s。")
                % {"value": self.status_filter[:40], "choices": "、".join(STATUS_LABELS)},
                content_type="text/plain; charset=utf-8",
            )
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        year = self.kwargs["year"]
        rows = self.rows()
        years = range(year - CHART_YEARS + 1, year + 1)
        counts = {status: sum(1 for row in rows if row.status == status) for status in selectors.ComplianceStatus.ALL}
        if self.status_filter:
            rows = [row for row in rows if row.status == self.status_filter]
        context = super().get_context_data(**kwargs)
        # The URL's own `province` (a slug) and `year` give way to the objects the page needs.
        context.update(
            province=self.province,
            rule=self.rule,
            year=year,
            deadline=self.rule.annual_report_deadline(year),
            rows=[(row, status_label(row.status), figures) for row, figures in self.rows_with_problems(rows)],
            with_problems=shows_problems(),
            counts=[(status, status_label(status), counts[status]) for status in selectors.ComplianceStatus.ALL],
            status_filter=self.status_filter,
            status_filter_label=status_label(self.status_filter) if self.status_filter else "",
            chart=on_time_chart(selectors.on_time_rates(self.province, years, rule=self.rule)),
            publication=list_publication_rows(self.province, rules.today_in_china()),
            previous_year=year - 1 if self.rule.applies_to_report_year(year - 1) else None,
            next_year=year + 1 if year < rules.today_in_china().year else None,
            breadcrumbs=[
                (_("工作台"), reverse("reports:workspace")),
                (_("%(province)s %(year)s 年度报送情况") % {"province": self.province.name, "year": year}, None),
            ],
        )
        return context

    def csv_response(self):
        year = self.kwargs["year"]
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="compliance-{self.province.slug}-{year}.csv"'
        response.write("\ufeff")  # Excel reads UTF-8 Chinese only with a BOM
        writer = csv.writer(response, lineterminator="\r\n")
        header = [_("部门"), _("简称"), _("截止日期"), _("状态"), _("状态代码"), _("报送时间"), _("逾期天数")]
        if with_problems := shows_problems():
            header += [_("本年度到期的问题"), _("按时办结销号"), _("逾期办结"), _("当前逾期")]
        writer.writerow(header)
        for row, figures in self.rows_with_problems(self.rows()):
            submitted = timezone.localtime(row.submitted_at, rules.DEADLINE_TIMEZONE) if row.submitted_at else None
            cells = [
                row.department.name,
                row.department.short_name,
                row.deadline.isoformat(),
                status_label(row.status),
                row.status,
                submitted.isoformat(timespec="seconds") if submitted else "",
                row.days_late,
            ]
            if with_problems:
                cells += [figures.received, figures.closed_on_time, figures.closed_late, figures.overdue_now]
            writer.writerow([formula_guarded(cell) for cell in cells])  # no name opens as a formula
        return response
