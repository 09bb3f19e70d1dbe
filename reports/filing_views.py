"""The irreversible steps, each through a check-your-answers page and then a confirmation page that says what
happens next and who acts next (GOV.UK's patterns): submitting a draft, publishing a submitted report. And the
editor's "ready for review", which tells the approver."""

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from reports import permissions, selectors, services
from reports.models import ReportEntry
from reports.views import ReportMixin

CHANGED_WHILE_CHECKING = gettext_lazy("核对期间草稿又有修改，请重新核对以下内容后再报送。")
ALREADY_SUBMITTED = gettext_lazy("这份报告此前已经报送，本次没有重复报送。")
MARKED_READY = gettext_lazy("已标记为可供审核，并已通过电子邮件通知审核人：%(names)s。")
MARKED_READY_NO_APPROVER = gettext_lazy("已标记为可供审核。本部门还没有审核人账号，请联系管理员。")


class ReportCheckSubmitView(ReportMixin, TemplateView):
    """Check your answers before submitting: what goes, to whom, by when, and that it cannot be taken back."""

    template_name = "reports/report_check_submit.html"

    def dispatch(self, request, *args, **kwargs):
        if (
            request.user.is_authenticated
            and not self.report.is_draft
            and permissions.can_read(request.user, self.report)
        ):
            messages.info(request, ALREADY_SUBMITTED)  # a second click, the back button: submitted once
            return redirect("reports:report_submitted", pk=self.report.pk)
        if request.user.is_authenticated and not permissions.can_submit(request.user, self.report):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        report = self.report
        statuses = Counter(entry.status for entry in report.entries.all())
        return super().get_context_data(
            **self.report_context(
                edit_url=report.get_workspace_url(),
                status_counts=[(label, statuses[value]) for value, label in ReportEntry.Status.choices],
                entries_without_progress=sum(1 for entry in report.entries.all() if not entry.progress.strip()),
                empty_sections=[section.title for section in report.sections.all() if not section.body.strip()],
            ),
            **kwargs,
        )

    def post(self, request, pk):
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = 0
        try:
            services.report_submit(report=self.report, user=request.user, expected_version=version)
        except services.StaleVersion:
            messages.warning(request, CHANGED_WHILE_CHECKING)
            return redirect("reports:report_submit", pk=pk)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(self.report.get_workspace_url())
        return redirect("reports:report_submitted", pk=pk)


class ReportCheckPublishView(ReportMixin, TemplateView):
    """Check before publishing: the public address, that anyone will read it, and that it stays public."""

    template_name = "reports/report_check_publish.html"

    def dispatch(self, request, *args, **kwargs):
        if (
            request.user.is_authenticated
            and self.report.is_published
            and permissions.can_read(request.user, self.report)
        ):
            return redirect("reports:report_published", pk=self.report.pk)
        if request.user.is_authenticated and not permissions.can_publish(request.user, self.report):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.report_context(), **kwargs)

    def post(self, request, pk):
        try:
            services.report_publish(report=self.report, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(self.report.get_workspace_url())
        return redirect("reports:report_published", pk=pk)


class ReportConfirmationView(ReportMixin, TemplateView):
    """What just happened, what happens next and who acts next, after a report is submitted or published."""

    template_name = "reports/report_confirmation.html"
    step = None  # "submitted" or "published"

    def get_context_data(self, **kwargs):
        report = self.report
        reached = report.is_published if self.step == "published" else report.is_filed
        if not reached:
            raise PermissionDenied
        return super().get_context_data(**self.report_context(step=self.step), **kwargs)


class ReportReadyView(ReportMixin, View):
    """The editor marks the draft ready for review; the approvers are told by e-mail and see it in the workspace."""

    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            report = services.report_mark_ready(report=self.report, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(self.report.get_workspace_url())
        approvers = list(selectors.approvers_of(report.department))
        if approvers:
            names = "、".join(approver.get_full_name() or approver.get_username() for approver in approvers)
            messages.success(request, MARKED_READY % {"names": names})
        else:
            messages.warning(request, MARKED_READY_NO_APPROVER)
        return redirect(report.get_workspace_url())
