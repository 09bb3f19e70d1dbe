"""Writing a draft's rows in the web form (add, edit, remove, move) or from a spreadsheet (import)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from listdrafts import permissions, services
from listdrafts.forms import ImportForm, RowForm, VersionForm
from listdrafts.models import DraftRow
from listdrafts.views import IMPORTED, STALE, DraftDetailView, DraftMixin, crumbs, flash_errors


class RowFormView(DraftMixin, TemplateView):
    """One row of the draft in a form: a new one (at the end of the list) or an existing one."""

    template_name = "listdrafts/row_form.html"

    @cached_property
    def row(self) -> DraftRow | None:
        if "row" not in self.kwargs:
            return None
        return next((row for row in self.draft.rows.all() if row.pk == self.kwargs["row"]), None)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if not permissions.can_edit(request.user, self.draft):
                raise PermissionDenied
            if "row" in kwargs and self.row is None:
                messages.error(request, services.drafting.UNKNOWN_ROW)
                return redirect(self.draft.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.pop("row", None)  # the URL's row id: the row itself is `draft_row`
        form = kwargs.pop("form", None) or RowForm(instance=self.row, initial={"version": self.draft.version})
        title = _("修改第 %(number)s 行") % {"number": self.row.position} if self.row else _("添加一行")
        return super().get_context_data(
            draft=self.draft,
            draft_row=self.row,
            form=form,
            title=title,
            breadcrumbs=crumbs((self.draft.department.name, self.draft.get_absolute_url()), (title, None)),
            **kwargs,
        )

    def post(self, request, pk, row=None):
        form = RowForm(request.POST, instance=self.row)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            services.draft_row_save(
                draft=self.draft,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                values=form.as_input(),
                row_id=self.row.pk if self.row else None,
            )
        except services.StaleVersion:
            form.add_error(None, STALE)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, _("已保存。"))
        return redirect(self.draft.get_absolute_url() + "#rows")


class RowActionView(DraftMixin, View):
    """Move a row up or down, or remove it (buttons beside each row)."""

    http_method_names = ["post"]

    def post(self, request, pk, row, action):
        form = VersionForm(request.POST)
        if not form.is_valid():
            messages.error(request, STALE)
            return redirect(self.draft.get_absolute_url())
        arguments = {"draft": self.draft, "user": request.user, "expected_version": form.cleaned_data["version"]}
        try:
            if action == "remove":
                services.draft_row_remove(row_id=row, **arguments)
                messages.success(request, _("已删除这一行。"))
            else:
                services.draft_row_move(row_id=row, offset=-1 if action == "up" else 1, **arguments)
        except services.StaleVersion:
            messages.error(request, STALE)
        except ValidationError as error:
            flash_errors(request, error)
        return redirect(self.draft.get_absolute_url() + "#rows")


class ImportView(DraftDetailView):
    """Replace the draft's rows with a spreadsheet; a file with errors is shown with them and changes nothing."""

    http_method_names = ["post"]

    def post(self, request, pk):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(import_form=form), status=400)
        upload = form.cleaned_data["file"]
        try:
            preview = services.list_draft_import(
                draft=self.draft,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                data=upload.read(),
                file_name=upload.name,
            )
        except services.StaleVersion:
            form.add_error(None, STALE)
            return self.render_to_response(self.get_context_data(import_form=form), status=409)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.render_to_response(self.get_context_data(import_form=form), status=400)
        if preview.errors:
            form.add_error(None, services.drafting.FILE_HAS_ERRORS)
            context = self.get_context_data(import_form=form, import_errors=preview.errors)
            return self.render_to_response(context, status=400)
        messages.success(request, IMPORTED % {"count": len(preview.plan.drafts)})
        return redirect(self.draft.get_absolute_url())
