"""Supervisors enter the problems inspections find: one by one, or a spreadsheet previewed then confirmed."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from duties.models import Jurisdiction
from problems import imports, permissions, services
from problems.forms import InspectionForm, InspectionImportForm


class InspectionView(LoginRequiredMixin, TemplateView):
    template_name = "problems/inspections.html"

    @cached_property
    def province(self):
        code = permissions.supervised_province(self.request.user)
        if code is None:
            raise PermissionDenied
        return Jurisdiction.objects.get(pk=code)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", InspectionForm(province=self.province))
        kwargs.setdefault("import_form", InspectionImportForm())
        return super().get_context_data(
            province=self.province,
            columns=imports.COLUMNS,
            breadcrumbs=[(_("问题办理工作台"), reverse("problems:workspace")), (_("督察问题"), None)],
            **kwargs,
        )

    def post(self, request):
        action = request.POST.get("action")
        if action == "preview":
            import_form = InspectionImportForm(request.POST, request.FILES)
            if not import_form.is_valid():
                return self.render_to_response(self.get_context_data(import_form=import_form), status=400)
            preview = imports.inspection_preview(import_form.cleaned_data["file"].read(), self.province)
            status = 200 if preview.can_confirm else 400
            return self.render_to_response(self.get_context_data(preview=preview), status=status)
        if action == "confirm":
            try:
                created = imports.inspection_import(
                    user=request.user, province=self.province, digest=request.POST.get("digest", "")
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect("problems:inspections")
            messages.success(request, _("已录入 %(count)s 个督察问题。") % {"count": len(created)})
            return redirect("problems:workspace")
        form = InspectionForm(request.POST, province=self.province)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            problem = services.problem_enter_inspection(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, _("已录入督察问题 %(number)s。") % {"number": problem.number})
        return redirect(problem.get_workspace_url())
