"""The public lists as CSV files: all published problems, or one department's, filtered as the page is (the
lists' own FilterSet), the whole filtered list at once. Public columns only: never the reporter's identity or
contact, the place as written or their words."""

import csv
import io

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duties.models import Department
from problems.feeds import FiltersRefused, filters_refused, listing
from problems.models.limits import LIMITS_TIMEZONE
from spreadsheets import formula_guarded


def _moment(value):
    return value.astimezone(LIMITS_TIMEZONE).isoformat(timespec="seconds") if value else ""


def _day(value):
    return value.isoformat() if value else ""


def _yes_no(value):
    return "" if value is None else (_("是") if value else _("否"))


def _place(jurisdiction):
    """The place written out ("江西省 南昌市 南昌县"): a county, city or province and the levels above."""
    chain = [jurisdiction]
    for _level in range(2):
        if chain[-1].parent is None:
            break
        chain.append(chain[-1].parent)
    return " ".join(level.name for level in reversed(chain))


HEADER = (
    gettext_lazy("编号"),
    gettext_lazy("类别"),
    gettext_lazy("状态"),
    gettext_lazy("状态代码"),
    gettext_lazy("来源"),
    gettext_lazy("所在行政区"),
    gettext_lazy("承办部门"),
    gettext_lazy("收到时间"),
    gettext_lazy("受理截止日"),
    gettext_lazy("按时受理"),
    gettext_lazy("办结截止日"),
    gettext_lazy("延期天数"),
    gettext_lazy("按时办结"),
    gettext_lazy("销号时间"),
    gettext_lazy("公开的问题描述"),
    gettext_lazy("公开页面"),
)


def _row(request, problem):
    return [
        problem.number,
        problem.get_category_display(),
        problem.get_status_display(),
        problem.status,
        problem.get_source_display(),
        _place(problem.jurisdiction),
        problem.department.name if problem.department_id else "",
        _moment(problem.received_at),
        _day(problem.acceptance_due),
        _yes_no(problem.accepted_on_time),
        _day(problem.handling_due),
        problem.extended_days,
        _yes_no(problem.handled_on_time),
        _moment(problem.closed_at),
        problem.public_text,
        request.build_absolute_uri(problem.get_absolute_url()),
    ]


def _csv(request, problems, name):
    output = io.StringIO()
    output.write("\ufeff")  # Excel reads UTF-8 Chinese only with a BOM
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow([str(title) for title in HEADER])
    for problem in problems:
        writer.writerow([formula_guarded(cell) for cell in _row(request, problem)])  # no text opens as a formula
    response = HttpResponse(output.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def problems_csv(request):
    """The published problems the list shows for these filters, as one CSV file."""
    try:
        found = listing(request)
    except FiltersRefused as refused:
        return filters_refused(refused.filterset)
    return _csv(request, found.filterset.qs, "problems.csv")


def department_problems_csv(request, pk):
    """The published problems one department handles, for these filters, as one CSV file."""
    department = get_object_or_404(Department, pk=pk)
    try:
        found = listing(request, department)
    except FiltersRefused as refused:
        return filters_refused(refused.filterset)
    return _csv(request, found.filterset.qs, f"problems-department-{department.pk}.csv")
