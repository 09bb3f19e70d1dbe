"""The year at a glance as a page (sortable, filterable, a chart per measure) and as CSV or XLSX."""

import csv
import io

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from calendars import glance
from disclosures import selectors as disclosure_selectors
from duties.models import Jurisdiction
from reports import permissions, rules

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _when(moment):
    return timezone.localtime(moment, rules.DEADLINE_TIMEZONE).isoformat(timespec="seconds") if moment else ""


class YearAtAGlanceView(LoginRequiredMixin, TemplateView):
    """One province and year, every measure side by side, for the province's supervisors (and site admins)."""

    template_name = "calendars/year_at_a_glance.html"

    @cached_property
    def province(self):
        return get_object_or_404(Jurisdiction, parent__isnull=True, slug=self.kwargs["province"])

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if not permissions.supervises(request.user, self.province):
                raise PermissionDenied
            if not 2000 <= self.kwargs["year"] <= rules.today_in_china().year + 1:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def quarters(self):
        return disclosure_selectors.quarters_asked(self.province, self.kwargs["year"])

    def rows(self):
        params = self.request.GET
        rows = glance.glance_rows(self.province, self.kwargs["year"])
        rows = glance.filter_rows(rows, plan=params.get("plan", ""), report=params.get("report", ""))
        return glance.sort_rows(rows, params.get("ordering", "department"))

    def get(self, request, *args, **kwargs):
        export = request.GET.get("format")
        if export in ("csv", "xlsx"):
            return self.export(export)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        year = self.kwargs["year"]
        rows = self.rows()
        context = super().get_context_data(**kwargs)
        context.update(
            province=self.province,
            year=year,
            rows=rows,
            quarters=self.quarters,
            charts=glance.charts(rows, len(self.quarters)),
            plan_choices=list(glance.PlanStatus.LABELS.items()),
            report_choices=list(glance.REPORT_LABELS.items()),
            disclosure_labels=glance.DISCLOSURE_LABELS,
            selected={name: self.request.GET.get(name, "") for name in ("plan", "report", "ordering")},
            orderings=glance.ORDERINGS,
            calendar_url=f"{reverse('calendars:calendar')}?province={self.province.slug}&year={year}",
            breadcrumbs=[
                (_("工作台"), reverse("reports:workspace")),
                (_("%(province)s %(year)s 年工作全览") % {"province": self.province.name, "year": year}, None),
            ],
        )
        return context

    def table(self):
        header = [_("部门"), _("牵头事项数"), _("年度工作方案"), _("备案时间"), _("年度专题报告"), _("报送时间")]
        header += [_("第 %(q)s 季度信息公开") % {"q": quarter} for quarter in self.quarters]
        header += [_("本年到期的问题"), _("按时办结销号"), _("逾期办结销号"), _("逾期未办结")]
        lines = [header]
        for row in self.rows():
            line = [
                row.body.name,
                "" if row.duties_led is None else row.duties_led,
                str(row.plan_label),
                _when(row.plan_filed_at),
                str(row.report_label) if row.report else "",
                _when(row.report_submitted_at),
            ]
            line += [str(glance.DISCLOSURE_LABELS.get(row.disclosures.get(q), "")) for q in self.quarters]
            problems = row.problems
            line += [problems.received, problems.closed_on_time, problems.closed_late, problems.overdue_now]
            lines.append(line)
        return lines

    def export(self, kind):
        name = f"year-{self.province.slug}-{self.kwargs['year']}.{kind}"
        if kind == "csv":
            output = io.StringIO()
            output.write("\ufeff")  # Excel reads UTF-8 Chinese only with a BOM
            csv.writer(output, lineterminator="\r\n").writerows(self.table())
            response = HttpResponse(output.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
        else:
            from openpyxl import Workbook

            workbook = Workbook()
            sheet = workbook.active
            sheet.title = str(self.kwargs["year"])
            for line in self.table():
                sheet.append(line)
            sheet.freeze_panes = "B2"
            data = io.BytesIO()
            workbook.save(data)
            response = HttpResponse(data.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
