"""The admin's list import: upload, preview (every error, or what changes), confirm; each step shown as it happens.

A preview or a publish of a big list takes seconds, so the page is streamed: the admin's page around it
first, then a line per step of the service (`duties/services/progress.py`: reading, checking rows a thousand
at a time, ending and starting versions, the audit trail), then the preview or the published edition. The
steps run in the request's own thread and transaction; an editor who closes the page rolls the publish back.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import StreamingHttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from duties import services
from duties.forms import ListImportForm

PAGE = "admin/duties/edition/import.html"
BODY = "admin/duties/edition/import_body.html"
STREAM_MARKER = mark_safe("<!-- the import's progress and result -->")
PREVIEW_ROWS_SHOWN = 200  # per section of the preview; a publish takes every row
FILE_GONE = _("预览已过期或文件已变更，请重新选择文件。")
STAGES = {
    "read": _("读取文件（%(total)s 字节）"),
    "check": _("检查第 %(done)s / %(total)s 行"),
    "plan": _("与现行清单比对 %(total)s 项"),
    "document": _("写入来源文件和它的 %(total)s 行"),
    "end": _("终止旧版本 %(done)s / %(total)s"),
    "start": _("写入新版本 %(done)s / %(total)s"),
    "audit": _("写入修改记录 %(total)s 条"),
    "commit": _("提交"),
}


def progress_html(steps):
    """Yield one line of the page per step of a service; return the service's result."""
    while True:
        try:
            stage, done, total = next(steps)
        except StopIteration as stop:
            return stop.value
        line = STAGES[stage] % {"done": f"{done:,}", "total": f"{total:,}"}
        yield format_html('<li class="import-step import-step--{}">{}…</li>\n', stage, line)


class ListImportAdminMixin:
    """The edition admin's 导入清单 page."""

    def import_view(self, request):
        """Upload a list, preview what it changes (or every error), then confirm to publish it as an edition."""
        if not request.user.has_perm("duties.add_edition"):
            raise PermissionDenied
        form = ListImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            kept = self._kept_file(form)
            data = services.list_import_file_read(kept) if kept is not None else None
            if data is not None:
                get_token(request)  # the page's form needs the token before the headers go out
                response = StreamingHttpResponse(
                    self._import_stream(request, form, kept, data), content_type="text/html; charset=utf-8"
                )
                response["Cache-Control"] = "no-store"
                response["X-Accel-Buffering"] = "no"  # a proxy passes each step on instead of buffering the page
                return response
            form.add_error("file", FILE_GONE)
        return TemplateResponse(request, PAGE, self._import_context(request, form))

    def _import_context(self, request, form, **extra):
        return {
            **self.admin_site.each_context(request),
            "title": _("导入清单"),
            "opts": self.model._meta,
            "form": form,
            "shown": PREVIEW_ROWS_SHOWN,
            "shown_slice": f":{PREVIEW_ROWS_SHOWN}",
            **extra,
        }

    def _import_stream(self, request, form, kept, data):
        page = render_to_string(PAGE, self._import_context(request, form, stream_marker=STREAM_MARKER), request)
        head, tail = page.split(STREAM_MARKER, 1)
        yield head
        yield '<ol id="import-progress">\n'
        preview = yield from progress_html(
            services.list_import_preview_steps(
                jurisdiction=form.cleaned_data["jurisdiction"],
                department=form.cleaned_data["department"],
                effective_on=form.cleaned_data["effective_on"],
                data=data,
                file_name=kept.file_name,
                source=form.cleaned_data["source"],
            )
        )
        edition = None
        # Publish only what was previewed: the same file, list, date and source.
        previewed = form.cleaned_data.get("file") is None and form.pending_scope() == form.scope()
        if "confirm" in request.POST and previewed and preview.can_publish:
            edition = yield from self._publish(request, form, preview, kept)
        yield "</ol>\n"
        if edition is None:
            form.data = {**form.data.dict(), "pending": form.pending_token_for(kept)}
        context = self._import_context(request, form, preview=preview, edition=edition)
        yield render_to_string(BODY, context, request)
        yield tail

    def _publish(self, request, form, preview, kept):
        try:
            edition = yield from progress_html(
                services.list_import_publish_steps(
                    preview=preview,
                    basis=form.cleaned_data["basis"],
                    summary=form.cleaned_data["summary"],
                    user=request.user,
                )
            )
        except ValidationError as error:  # another edition came first: preview again
            form.add_error(None, error)
            return None
        services.list_import_file_forget(kept)
        return edition

    @staticmethod
    def _kept_file(form):
        """The uploaded file, kept server-side for the confirmation; or the file the preview kept."""
        upload = form.cleaned_data.get("file")
        if upload is not None:
            # Beyond the limit the preview says so.
            data = upload.read(settings.DUTY_IMPORT_MAX_BYTES + 1)
            return services.list_import_file_keep(data=data, file_name=upload.name)
        return form.pending_file()
