"""Department staff open, save and submit their report; the public reads published ones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duties.models import Department
from reports import selectors, services
from reports.forms import EntryFormSet, ReportForm
from reports.models import AnnualReport


def current_report_year():
    """The year whose report is due now: the one before this year."""
    return timezone.localdate().year - 1


@login_required
def my_reports(request):
    memberships = selectors.memberships_of(request.user)
    return render(
        request,
        "reports/annualreport_list.html",
        {
            "memberships": memberships,
            "reports": selectors.reports_visible_to(request.user),
            "year": current_report_year(),
            "breadcrumbs": [(_("我的报告"), None)],
        },
    )


@login_required
@require_POST
def report_start(request, department_id):
    department = get_object_or_404(Department, pk=department_id)
    try:
        report = services.report_draft_create(department=department, year=current_report_year(), user=request.user)
    except PermissionDenied:
        raise Http404 from None
    return redirect("reports:edit", pk=report.pk)


def _report_for(request, pk):
    report = get_object_or_404(AnnualReport.objects.select_related("department__jurisdiction"), pk=pk)
    # Another department's draft is not found, rather than forbidden: its existence is not public either.
    if not services.user_can_view_draft(request.user, report.department):
        raise Http404
    return report


def _entry_initial(report):
    return [
        {
            "duty_id": entry.duty_id,
            "progress": entry.progress,
            "work_done": entry.work_done,
            "figures": entry.figures,
            "evidence_links": entry.evidence_links,
        }
        for entry in report.entries.all()
    ]


@login_required
def report_edit(request, pk):
    """The report form: save the draft as often as needed; the approver submits it."""
    report = _report_for(request, pk)
    entries = list(report.entries.select_related("duty"))
    can_edit = services.user_can_edit(request.user, report.department) and not report.is_frozen
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form = ReportForm(request.POST)
        formset = EntryFormSet(request.POST, prefix="entries")
        if form.is_valid() and formset.is_valid():
            try:
                report = services.report_draft_save(
                    report=report,
                    user=request.user,
                    expected_version=form.cleaned_data["version"],
                    overall=form.cleaned_data["overall"],
                    entries=[services.EntryInput(**entry) for entry in formset.cleaned_data],
                )
                if request.POST.get("action") == "submit":
                    report = services.report_submit(report=report, user=request.user)
                    messages.success(request, _("报告已报送。"))
                else:
                    messages.success(request, _("草稿已保存。"))
                return redirect("reports:edit", pk=report.pk)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                form.add_error(None, error)
    else:
        form = ReportForm(initial={"overall": report.overall, "version": report.version})
        formset = EntryFormSet(initial=_entry_initial(report), prefix="entries")
    return render(
        request,
        "reports/annualreport_form.html",
        {
            "report": report,
            "form": form,
            "rows": list(zip(entries, formset.forms, strict=False)),
            "formset": formset,
            "can_edit": can_edit,
            "can_submit": services.user_can_submit(request.user, report.department) and not report.is_frozen,
            "can_publish": services.user_can_submit(request.user, report.department),
            "breadcrumbs": [(_("我的报告"), "/reports/"), (str(report), None)],
        },
    )


@login_required
@require_POST
def report_publish(request, pk):
    report = _report_for(request, pk)
    try:
        services.report_publish(report=report, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:edit", pk=report.pk)
    messages.success(request, _("报告已公开。"))
    return redirect(selectors.public_url(report))


def public_report(request, province, department, year):
    """A published report at its own public address, with its deadline, submission and revisions."""
    report = get_object_or_404(
        AnnualReport.objects.select_related("department__jurisdiction", "department__sector"),
        department__jurisdiction__parent__isnull=True,
        department__jurisdiction__slug=province,
        department__slug=department,
        year=year,
        status=AnnualReport.Status.PUBLISHED,
    )
    department = report.department
    return render(
        request,
        "reports/annualreport_detail.html",
        {
            "report": report,
            "rule": services.annual_report_rule(department),
            "entries": report.entries.select_related("duty__document__jurisdiction").order_by("position"),
            "revisions": report.revisions.order_by("number"),
            "breadcrumbs": [
                (department.jurisdiction.name, department.jurisdiction.get_absolute_url()),
                (department.short_name, department.get_absolute_url()),
                (_("%(year)s 年度专题报告") % {"year": report.year}, None),
            ],
        },
    )
