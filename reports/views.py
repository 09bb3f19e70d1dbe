"""Workspace pages (drafts, submission, publication, corrections) and the public report pages.

Every view asks reports.selectors for what the user may read, and reports.services for
every write; a report the user may not read is a 404, whatever the URL says.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView, TemplateView

from duties.models import Department
from kept_posts.mixins import KeepsTypedText
from reports import attachments, permissions, rules, selectors, services
from reports.forms import ReportCreateForm, ReportForms
from reports.models import Attachment, Report

SAVED = gettext_lazy("草稿已保存。")
ALREADY_SUBMITTED = gettext_lazy("这份报告此前已经报送，本次没有重复报送。")
SAVED_NOT_SUBMITTED = gettext_lazy("文字已保存，但还不能报送：")
CORRECTED = gettext_lazy("更正已保存，修订记录中新增了一个版本。")
CREATED = gettext_lazy("已建立报告草稿，表格已按本部门牵头的事项预先填好。")
TEXT_SAVED_ATTACHMENT_REFUSED = gettext_lazy("文字已保存，但附件没有上传：")


def _add_errors(forms, error: ValidationError):
    """Show a service's refusal on the form field it names, or at the top of the form."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            target = "overall" if field in ("overall", "version") else None
            forms.text.add_error(target, field_errors)
    else:
        forms.text.add_error(None, error.messages)


class WorkspaceView(LoginRequiredMixin, ListView):
    """The signed-in account's reports, a form to open a new one, and the boards it may see."""

    template_name = "reports/report_list.html"
    context_object_name = "reports"

    def get_queryset(self):
        return selectors.reports_for_member(self.request.user)

    def get_context_data(self, **kwargs):
        membership = permissions.membership_of(self.request.user)
        can_create = membership is not None and membership.is_department_staff
        rule = rules.annual_rule_for(membership.department.jurisdiction) if can_create else None
        context = super().get_context_data(
            membership=membership,
            create_form=ReportCreateForm(rule=rule) if can_create else None,
            awaiting_review=selectors.with_countdowns(selectors.awaiting_review(self.request.user)),
            boards=selectors.supervised_provinces(self.request.user),
            board_year=rules.today_in_china().year - 1,
            breadcrumbs=[(_("工作台"), None)],
            **kwargs,
        )
        context["reports"] = selectors.with_countdowns(context["reports"])
        return context


class ReportCreateView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        membership = permissions.membership_of(request.user)
        if membership is None or not membership.is_department_staff:
            raise PermissionDenied
        department = Department.objects.select_related("jurisdiction").get(pk=membership.department_id)
        form = ReportCreateForm(request.POST, rule=rules.annual_rule_for(department.jurisdiction))
        if form.is_valid():
            try:
                report = services.report_create(
                    user=request.user, department=department, year=form.cleaned_data["year"]
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, CREATED)
                return redirect(report.get_workspace_url())
        else:
            messages.error(request, _("请选择有效的报告年度。"))
        return redirect("reports:workspace")


class ReportMixin(LoginRequiredMixin):
    @cached_property
    def report(self):
        return selectors.report_for_reader(self.request.user, self.kwargs["pk"])

    def report_context(self, **extra):
        report = self.report
        user = self.request.user
        rule = rules.annual_rule_for(report.department.jurisdiction)
        return {
            "report": report,
            "content": selectors.content_of(report),
            "attachments": report.attachments.all(),
            "rule": rule,
            "deadline": rules.deadline_of(report, rule),
            "countdown": rules.countdown_to(rules.deadline_of(report, rule)),
            "approvers": list(selectors.approvers_of(report.department)) if report.is_draft else None,
            "can_edit": permissions.can_edit_draft(user, report),
            "can_submit": permissions.can_submit(user, report),
            "can_publish": permissions.can_publish(user, report),
            "can_correct": permissions.can_correct(user, report),
            "breadcrumbs": [(_("工作台"), reverse("reports:workspace")), (str(report), None)],
            "error_links": extra["forms"].error_links() if extra.get("forms") is not None else [],
            **extra,
        }


class ReportEditView(KeepsTypedText, ReportMixin, TemplateView):
    """A draft's form (or, once filed, the report as filed). Saving and submitting post the same form."""

    def get_template_names(self):
        # Readers of a draft who may not edit it (a supervisor, an admin) see it as a page, not an empty form.
        editable = self.report.is_draft and permissions.can_edit_draft(self.request.user, self.report)
        return ["reports/report_form.html" if editable else "reports/report_workspace_detail.html"]

    def get_context_data(self, **kwargs):
        forms = kwargs.pop("forms", None)
        if forms is None and permissions.can_edit_draft(self.request.user, self.report):
            forms = ReportForms(self.report, self.restored_post())
        return super().get_context_data(**self.report_context(forms=forms), **kwargs)

    def post(self, request, pk):
        report = self.report
        action = request.POST.get("action", "save")
        if not report.is_draft:
            if action == "submit" and permissions.is_approver_of(request.user, report.department):
                # A second click, the back button or a retry: the report stays submitted once.
                messages.info(request, ALREADY_SUBMITTED)
                return redirect(report.get_workspace_url())
            raise PermissionDenied
        if not permissions.can_edit_draft(request.user, report):
            raise PermissionDenied
        if action == "submit" and not permissions.can_submit(request.user, report):
            raise PermissionDenied  # before saving: a forged submit must not save either
        forms = ReportForms(report, request.POST, request.FILES)
        if not forms.is_valid():
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        try:
            report = services.report_draft_save(
                report=report,
                user=request.user,
                expected_version=forms.text.cleaned_data["version"],
                overall=forms.text.cleaned_data["overall"],
                entries=forms.entries_input(),
                sections=forms.sections_input(),
            )
        except services.StaleVersion as error:
            forms.text.add_error(None, error.messages)
            forms.keep_typed_text_at_version(Report.objects.get(pk=report.pk).version)
            return self.render_to_response(self.get_context_data(forms=forms, conflict=True), status=409)
        except ValidationError as error:
            _add_errors(forms, error)
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        refused = [] if report.repeated_save else self._apply_attachments(forms, report)
        if refused:
            forms.keep_typed_text_at_version(report.version)
            forms.attachments.add_error("attachment", refused)
            messages.warning(request, f"{TEXT_SAVED_ATTACHMENT_REFUSED}{' '.join(refused)}")
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        if action == "submit":
            return self._to_check_answers(forms, report)
        messages.success(request, SAVED)
        return redirect(report.get_workspace_url())

    def _apply_attachments(self, forms, report):
        user = self.request.user
        for attachment in report.attachments.filter(pk__in=forms.attachments.cleaned_data["remove"]):
            services.attachment_remove(attachment=attachment, user=user)
        upload = forms.attachments.cleaned_data.get("attachment")
        if upload:
            try:
                services.attachment_add(report=report, user=user, upload=upload)
            except ValidationError as error:
                return error.messages
        return []

    def _to_check_answers(self, forms, report):
        """The text is saved; a part required to submit that is empty is marked on its field, else on to checking."""
        if not report.overall.strip():
            forms.keep_typed_text_at_version(report.version)
            forms.text.add_error("overall", services.OVERALL_REQUIRED)
            messages.warning(self.request, f"{SAVED_NOT_SUBMITTED}{services.OVERALL_REQUIRED}")
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        return redirect("reports:report_submit", pk=report.pk)


class ReportCorrectView(KeepsTypedText, ReportMixin, TemplateView):
    """The approver corrects a filed report: the same form, a reason, and a new revision."""

    template_name = "reports/report_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not permissions.can_correct(request.user, self.report):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        forms = kwargs.pop("forms", None) or ReportForms(
            self.report, self.restored_post(), with_attachments=False, with_reason=True
        )
        return super().get_context_data(**self.report_context(forms=forms, correcting=True), **kwargs)

    def post(self, request, pk):
        forms = ReportForms(self.report, request.POST, with_attachments=False, with_reason=True)
        if not forms.is_valid():
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        try:
            services.report_correct(
                report=self.report,
                user=request.user,
                expected_version=forms.text.cleaned_data["version"],
                overall=forms.text.cleaned_data["overall"],
                entries=forms.entries_input(),
                sections=forms.sections_input(),
                reason=forms.correction.cleaned_data["reason"],
            )
        except services.StaleVersion as error:
            forms.text.add_error(None, error.messages)
            forms.keep_typed_text_at_version(Report.objects.get(pk=self.report.pk).version)
            return self.render_to_response(self.get_context_data(forms=forms, conflict=True), status=409)
        except ValidationError as error:
            if hasattr(error, "error_dict") and "reason" in error.error_dict:
                forms.correction.add_error("reason", error.error_dict.pop("reason"))
            if not hasattr(error, "error_dict") or error.error_dict:
                _add_errors(forms, error)
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        messages.success(request, CORRECTED)
        return redirect(self.report.get_workspace_url())


def attachment_download(request, pk):
    """Serve an attachment to whoever may read its report; a draft's files stay private.

    The file is named and typed by what its content is (报告.pdf, never the 报告.exe or .html the
    uploader may have called it), and always downloaded, never shown in the browser.
    """
    attachment = get_object_or_404(Attachment.objects.select_related("report__department__jurisdiction"), pk=pk)
    if not permissions.can_read(request.user, attachment.report):
        raise Http404
    stored = attachment.file.open("rb")
    kind = attachments.sniff_kind(stored.read(16))
    stored.seek(0)
    response = FileResponse(
        stored,
        as_attachment=True,
        content_type=attachments.content_type(kind),
        filename=attachments.download_name(attachment.original_name, kind),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store" if not attachment.report.is_published else "public, max-age=3600"
    return response


class PublicReportView(TemplateView):
    """A published report at its own address, with its deadline, submission, recipients and revisions."""

    template_name = "reports/report_detail.html"

    def get_context_data(self, **kwargs):
        report = selectors.published_report(self.kwargs["province"], self.kwargs["department"], self.kwargs["year"])
        rule = rules.annual_rule_for(report.department.jurisdiction)
        department = report.department
        return super().get_context_data(
            report=report,
            content=selectors.content_of(report),
            attachments=report.attachments.all(),
            rule=rule,
            deadline=report.deadline,
            breadcrumbs=[
                (department.jurisdiction.name, reverse("duties:province", args=[department.jurisdiction.slug])),
                (
                    department.short_name,
                    reverse("pages:department", args=[department.jurisdiction.slug, department.slug]),
                ),
                (_("%(year)s 年度专题报告") % {"year": report.year}, None),
            ],
            **kwargs,
        )


class PublicRevisionView(TemplateView):
    """One revision of a published report, as it stood then."""

    template_name = "reports/revision_detail.html"

    def get_context_data(self, **kwargs):
        report = selectors.published_report(self.kwargs["province"], self.kwargs["department"], self.kwargs["year"])
        revision = next((item for item in report.revisions.all() if item.number == self.kwargs["number"]), None)
        if revision is None:
            raise Http404
        return super().get_context_data(
            report=report,
            revision=revision,
            content=selectors.content_of_revision(revision),
            attachments=report.attachments.all(),
            breadcrumbs=[
                (str(report), report.get_absolute_url()),
                (_("第 %(number)s 版") % {"number": revision.number}, None),
            ],
            **kwargs,
        )


class PublicReportListView(ListView):
    """Every published report, newest first."""

    template_name = "reports/report_archive.html"
    context_object_name = "reports"
    paginate_by = 50

    def get_queryset(self):
        return selectors.published_reports_in()

    def get_context_data(self, **kwargs):
        return super().get_context_data(breadcrumbs=[(_("年度专题报告"), None)], **kwargs)
