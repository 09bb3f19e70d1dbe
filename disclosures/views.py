"""The quarterly disclosures' pages: a government's workspace (open a quarter, write, publish), the public
disclosure, and the public board of one quarter showing who published on time."""

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
from django.views.generic import TemplateView

from disclosures import permissions, selectors, services
from disclosures.forms import DisclosureForm, DisclosureOpenForm
from disclosures.models import DisclosureAttachment, DisclosureTimeLimit
from duties.models import Department, Jurisdiction
from duties.models.jurisdictions import province_of
from reports.permissions import membership_of
from reports.rules import ComplianceStatus, today_in_china

SAVED = gettext_lazy("草稿已保存。")
PUBLISHED = gettext_lazy("已在本平台公开。")
STATUS_LABELS = {
    ComplianceStatus.NOT_DUE: gettext_lazy("未到期"),
    ComplianceStatus.ON_TIME: gettext_lazy("按时公开"),
    ComplianceStatus.LATE: gettext_lazy("逾期公开"),
    ComplianceStatus.MISSING: gettext_lazy("逾期未公开"),
}


def _body_of(user):
    membership = membership_of(user)
    if membership is None or not membership.is_department_staff:
        raise PermissionDenied
    return Department.objects.select_related("jurisdiction__parent").get(pk=membership.department_id)


class DisclosureWorkspaceView(LoginRequiredMixin, TemplateView):
    """A government's disclosures, quarter by quarter, and the quarters it may open."""

    template_name = "disclosures/disclosure_list.html"

    def get_context_data(self, **kwargs):
        body = _body_of(self.request.user)
        if not selectors.is_disclosing_body(body):
            raise Http404
        province = province_of(body.jurisdiction)
        rules = selectors.quarter_rules(province)
        disclosures = list(selectors.disclosures_for_body(body))
        opened = {(item.year, item.quarter) for item in disclosures}
        quarters = [key for key in selectors.open_quarters(rules, today_in_china()) if key not in opened]
        return super().get_context_data(
            body=body,
            province=province,
            disclosures=disclosures,
            open_form=DisclosureOpenForm(quarters=quarters[:8]) if quarters else None,
            time_limit=DisclosureTimeLimit.objects.for_province(province),
            breadcrumbs=[(_("工作台"), reverse("reports:workspace")), (_("季度信息公开"), None)],
            **kwargs,
        )


class DisclosureOpenView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        body = _body_of(request.user)
        rules = selectors.quarter_rules(province_of(body.jurisdiction))
        form = DisclosureOpenForm(request.POST, quarters=selectors.open_quarters(rules, today_in_china()))
        if not form.is_valid():
            messages.error(request, _("请选择有效的季度。"))
            return redirect("disclosures:workspace")
        year, quarter = form.year_and_quarter()
        try:
            disclosure = services.disclosure_open(user=request.user, body=body, year=year, quarter=quarter)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("disclosures:workspace")
        return redirect(disclosure.get_workspace_url())


class DisclosureEditView(LoginRequiredMixin, TemplateView):
    """The draft's form; once published, the disclosure as published."""

    template_name = "disclosures/disclosure_form.html"

    @cached_property
    def disclosure(self):
        disclosure = selectors.disclosure_detail().filter(pk=self.kwargs["pk"]).first()
        if disclosure is None or not permissions.can_read_draft(self.request.user, disclosure):
            raise Http404
        return disclosure

    def get_context_data(self, **kwargs):
        disclosure = self.disclosure
        form = kwargs.pop("form", None) or DisclosureForm(disclosure=disclosure)
        province = province_of(disclosure.body.jurisdiction)
        time_limit = DisclosureTimeLimit.objects.for_province(province)
        return super().get_context_data(
            disclosure=disclosure,
            form=form if permissions.can_edit(self.request.user, disclosure) else None,
            can_publish=permissions.can_publish(self.request.user, disclosure),
            province=province,
            time_limit=time_limit,
            # A published disclosure keeps the deadline it was judged against.
            deadline=disclosure.deadline or time_limit.deadline(disclosure.year, disclosure.quarter),
            breadcrumbs=[
                (_("工作台"), reverse("reports:workspace")),
                (_("季度信息公开"), reverse("disclosures:workspace")),
                (str(disclosure), None),
            ],
            **kwargs,
        )

    def post(self, request, pk):
        disclosure, user = self.disclosure, request.user
        if not permissions.can_edit(user, disclosure):
            raise PermissionDenied
        action = request.POST.get("action", "save")
        if action == "publish" and not permissions.can_publish(user, disclosure):
            raise PermissionDenied
        form = DisclosureForm(request.POST, request.FILES, disclosure=disclosure)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            services.disclosure_save(
                disclosure=disclosure,
                user=user,
                expected_version=form.cleaned_data["version"],
                text=form.cleaned_data["text"],
                link=form.cleaned_data["link"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
            status = 409 if isinstance(error, services.StaleVersion) else 400
            return self.render_to_response(self.get_context_data(form=form), status=status)
        try:
            for attachment in disclosure.attachments.filter(pk__in=form.cleaned_data["remove"]):
                services.disclosure_detach(attachment=attachment, user=user)
            if form.cleaned_data.get("attachment"):
                services.disclosure_attach(disclosure=disclosure, user=user, upload=form.cleaned_data["attachment"])
            if action == "publish":
                services.disclosure_publish(disclosure=disclosure, user=user)
        except ValidationError as error:  # the text is saved; say why the rest was not done
            for message in error.messages:
                messages.error(request, message)
            return redirect(disclosure.get_workspace_url())
        messages.success(request, PUBLISHED if action == "publish" else SAVED)
        return redirect(disclosure.get_workspace_url())


class PublicDisclosureView(TemplateView):
    template_name = "disclosures/disclosure_detail.html"

    def get_context_data(self, **kwargs):
        disclosure = selectors.published_disclosure(self.kwargs["pk"])
        province = province_of(disclosure.body.jurisdiction)
        return super().get_context_data(
            disclosure=disclosure,
            province=province,
            status_label=STATUS_LABELS[
                ComplianceStatus.ON_TIME if disclosure.published_on_time else ComplianceStatus.LATE
            ],
            breadcrumbs=[
                (province.name, reverse("duties:province", args=[province.slug])),
                (
                    _("%(year)s 年第 %(quarter)s 季度") % {"year": disclosure.year, "quarter": disclosure.quarter},
                    reverse("disclosures:board", args=[province.slug, disclosure.year, disclosure.quarter]),
                ),
                (disclosure.body.name, None),
            ],
            **kwargs,
        )


class QuarterBoardView(TemplateView):
    """One province's quarter: each county government, the deadline, and whether it published on time."""

    template_name = "disclosures/quarter_board.html"

    def get_context_data(self, **kwargs):
        province = get_object_or_404(Jurisdiction, parent__isnull=True, slug=self.kwargs["province"])
        year, quarter = self.kwargs["year"], self.kwargs["quarter"]
        rules = selectors.quarter_rules(province)
        if quarter not in rules or not selectors.applies(rules[quarter], year) or year > today_in_china().year + 1:
            raise Http404
        rows = selectors.board_rows(province, year, quarter)
        counts = {status: sum(1 for row in rows if row.status == status) for status in STATUS_LABELS}
        previous = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        following = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
        context = super().get_context_data(**kwargs)
        # The URL's own `province` (a slug) gives way to the object.
        context.update(
            province=province,
            year=year,
            quarter=quarter,
            rule=rules[quarter],
            time_limit=DisclosureTimeLimit.objects.for_province(province),
            deadline=DisclosureTimeLimit.objects.for_province(province).deadline(year, quarter),
            rows=[(row, STATUS_LABELS[row.status]) for row in rows],
            counts=[(status, label, counts[status]) for status, label in STATUS_LABELS.items()],
            previous=previous if selectors.applies(rules.get(previous[1], rules[quarter]), previous[0]) else None,
            following=following if following[0] <= today_in_china().year else None,
            breadcrumbs=[
                (province.name, reverse("duties:province", args=[province.slug])),
                (_("%(year)s 年第 %(quarter)s 季度信息公开") % {"year": year, "quarter": quarter}, None),
            ],
        )
        return context


def attachment_download(request, pk):
    """A published disclosure's file for everybody; a draft's only for its government's staff."""
    attachment = get_object_or_404(DisclosureAttachment.objects.select_related("disclosure__body"), pk=pk)
    disclosure = attachment.disclosure
    if not disclosure.is_published and not permissions.can_read_draft(request.user, disclosure):
        raise Http404
    content_type = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg"}[attachment.kind]
    response = FileResponse(attachment.file.open("rb"), content_type=content_type, filename=attachment.original_name)
    response["Cache-Control"] = "public, max-age=3600" if disclosure.is_published else "private, no-store"
    return response
