import hashlib
import uuid

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import search_index, spreadsheet
from .audit import AuditEntry, audit_entry_record, changed_fields, field_values
from .forms import ListImportForm, pending_token
from .models import (
    Department,
    Document,
    DocumentIssuer,
    DutyItem,
    DutyRole,
    Edition,
    Jurisdiction,
    Provision,
    Repair,
    ReportingRule,
    Sector,
)

admin.site.site_header = _("生态环境保护具体事项清单 · 管理")
admin.site.site_title = _("具体事项清单管理")
admin.site.index_title = _("数据管理")

AUDIT_REASON_REQUIRED = _("请写明修改原因：它记入修改记录。")


class AuditedModelForm(forms.ModelForm):
    """Every admin form of the duty data asks why."""

    audit_reason = forms.CharField(
        label=_("修改原因"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("如：依据某文件调整牵头部门。记入修改记录，仅管理员可见。"),
        error_messages={"required": AUDIT_REASON_REQUIRED},
    )


class AuditedAdmin(admin.ModelAdmin):
    """Ask for a reason on every add and change, and record each change in the audit trail, inlines included."""

    form = AuditedModelForm

    def save_model(self, request, obj, form, change):
        fields = [name for name in form.changed_data if name != "audit_reason"]
        before = field_values(type(obj).objects.get(pk=obj.pk), fields) if change else {}
        super().save_model(request, obj, form, change)
        changes = changed_fields(before, field_values(obj, fields))
        if changes or not change:  # a save that changed only inlines is recorded by save_formset
            audit_entry_record(
                user=request.user,
                action=AuditEntry.Action.CHANGE if change else AuditEntry.Action.ADD,
                obj=obj,
                reason=form.cleaned_data.get("audit_reason", ""),
                changes=changes,
            )

    def save_formset(self, request, form, formset, change):
        deleted = [
            (inline_form.instance, field_values(inline_form.instance, inline_form.fields))
            for inline_form in formset.deleted_forms
        ]
        super().save_formset(request, form, formset, change)
        reason = form.cleaned_data.get("audit_reason", "")
        forms_by_pk = {inline_form.instance.pk: inline_form for inline_form in formset.forms}
        for obj in formset.new_objects:
            fields = [name for name in forms_by_pk[obj.pk].fields if name not in ("id", "DELETE")]
            audit_entry_record(
                user=request.user,
                action=AuditEntry.Action.ADD,
                obj=obj,
                reason=reason,
                changes=changed_fields({}, field_values(obj, fields)),
            )
        for obj, fields in formset.changed_objects:
            initial = forms_by_pk[obj.pk].initial
            audit_entry_record(
                user=request.user,
                action=AuditEntry.Action.CHANGE,
                obj=obj,
                reason=reason,
                changes=changed_fields({name: initial.get(name) for name in fields}, field_values(obj, fields)),
            )
        for obj, values in deleted:
            audit_entry_record(
                user=request.user,
                action=AuditEntry.Action.DELETE,
                obj=obj,
                reason=reason,
                changes={name: [value, None] for name, value in values.items()},
            )

    def delete_model(self, request, obj):
        self._record_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._record_deletion(request, obj)
        super().delete_queryset(request, queryset)

    def _record_deletion(self, request, obj):
        values = field_values(obj, [field.name for field in obj._meta.concrete_fields])
        # Django's delete confirmation asks for no reason; the entry keeps what was deleted.
        audit_entry_record(
            user=request.user,
            action=AuditEntry.Action.DELETE,
            obj=obj,
            changes={name: [value, None] for name, value in values.items()},
        )


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written by the portal itself: readable in the admin, never added, edited or deleted there."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """The trail is written by the admin's own saves, never edited."""

    list_display = ["created_at", "user", "action", "content_type", "object_repr", "reason"]
    list_filter = ["action", "content_type", "created_at"]
    search_fields = ["object_repr", "reason", "user__username", "object_id"]
    list_select_related = ["user", "content_type"]
    date_hierarchy = "created_at"


@admin.register(Edition)
class EditionAdmin(ReadOnlyAdmin):
    """Editions are published by importing a list (duties/editions.py); once published they are history."""

    list_display = ["effective_on", "jurisdiction", "department", "basis", "created_by", "created_at"]
    list_filter = ["effective_on", "jurisdiction"]
    search_fields = ["basis", "summary", "department__name"]
    list_select_related = ["jurisdiction", "department", "created_by"]
    date_hierarchy = "effective_on"
    change_list_template = "admin/duties/edition/change_list.html"

    def get_urls(self):
        import_view = self.admin_site.admin_view(self.import_view)
        return [path("import/", import_view, name="duties_edition_import"), *super().get_urls()]

    def import_view(self, request):
        """Upload a list, preview what it changes (or every error), then confirm to publish it as an edition."""
        if not request.user.has_perm("duties.add_edition"):
            raise PermissionDenied
        form = ListImportForm(request.POST or None, request.FILES or None)
        preview = None
        if request.method == "POST" and form.is_valid():
            scope = _import_scope(form.cleaned_data)
            uploaded = form.cleaned_data.get("file") is not None
            data, kept = self._file_of(form)
            if data is None:
                form.add_error("file", _("预览已过期或文件已变更，请重新选择文件。"))
            else:
                preview = spreadsheet.import_preview(
                    jurisdiction=form.cleaned_data["jurisdiction"],
                    department=form.cleaned_data["department"],
                    effective_on=form.cleaned_data["effective_on"],
                    data=data,
                    file_name=kept["file_name"],
                )
                # Publish only what was previewed: the same file, list and date.
                previewed = not uploaded and kept.get("scope") == scope
                if "confirm" in request.POST and previewed and preview.can_publish:
                    try:
                        edition = spreadsheet.import_publish(
                            preview=preview,
                            basis=form.cleaned_data["basis"],
                            summary=form.cleaned_data["summary"],
                            user=request.user,
                        )
                    except ValidationError as error:  # another edition came first: preview again
                        form.add_error(None, error)
                    else:
                        default_storage.delete(kept["name"])
                        self.message_user(request, _("已发布清单版本：%(edition)s") % {"edition": edition})
                        return redirect("admin:duties_edition_changelist")
                form.data = {**form.data.dict(), "pending": pending_token(**{**kept, "scope": scope})}
        context = {
            **self.admin_site.each_context(request),
            "title": _("导入清单"),
            "opts": self.model._meta,
            "form": form,
            "preview": preview,
        }
        return TemplateResponse(request, "admin/duties/edition/import.html", context)

    @staticmethod
    def _file_of(form):
        """The uploaded file's bytes, kept server-side for the confirmation; or the kept file's, if unchanged."""
        upload = form.cleaned_data.get("file")
        if upload is not None:
            data = upload.read(settings.DUTY_IMPORT_MAX_BYTES + 1)  # beyond the limit the preview says so
            name = default_storage.save(f"list-imports/{uuid.uuid4().hex}", ContentFile(data))
            return data, {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "file_name": upload.name[-80:]}
        kept = form.pending_file()
        if kept is None or not default_storage.exists(kept["name"]):
            return None, None
        with default_storage.open(kept["name"]) as stored:
            data = stored.read()
        if hashlib.sha256(data).hexdigest() != kept["sha256"]:
            return None, None
        return data, kept


@admin.register(Sector)
class SectorAdmin(AuditedAdmin):
    list_display = ["name", "code", "position"]
    search_fields = ["name", "code"]


@admin.register(Jurisdiction)
class JurisdictionAdmin(AuditedAdmin):
    list_display = ["name", "code", "slug", "level", "kind", "parent"]
    list_filter = ["level", "kind"]
    search_fields = ["name", "short_name", "code", "slug"]
    raw_id_fields = ["parent"]


@admin.register(Department)
class DepartmentAdmin(AuditedAdmin):
    list_display = ["name", "short_name", "jurisdiction", "sector", "bears_key_duties", "name_attested"]
    list_filter = ["jurisdiction", "sector", "bears_key_duties", "name_attested"]
    search_fields = ["name", "short_name", "slug"]
    list_select_related = ["jurisdiction", "sector"]
    raw_id_fields = ["key_duties_provision"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        search_index.reindex_department(obj)


class DocumentIssuerInline(admin.TabularInline):
    model = DocumentIssuer
    extra = 0
    raw_id_fields = ["department"]


@admin.register(Document)
class DocumentAdmin(AuditedAdmin):
    list_display = ["title", "doc_number", "jurisdiction", "issued_display", "script", "assigns_duties"]
    list_filter = ["jurisdiction", "script", "assigns_duties"]
    search_fields = ["title", "doc_number", "source_file"]
    list_select_related = ["jurisdiction"]
    inlines = [DocumentIssuerInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        search_index.reindex_documents(Document.objects.filter(pk=obj.pk))

    @admin.display(description=_("成文日期"))
    def issued_display(self, document):
        return document.issued_display


@admin.register(DocumentIssuer)
class DocumentIssuerAdmin(AuditedAdmin):
    list_display = ["name_as_written", "department", "document", "position"]
    list_select_related = ["department", "document"]
    raw_id_fields = ["document", "department"]


@admin.register(Provision)
class ProvisionAdmin(AuditedAdmin):
    list_display = ["__str__", "kind", "heading", "document", "anchor", "line_start"]
    list_filter = ["document__jurisdiction", "kind", "document"]
    search_fields = ["heading", "text", "anchor"]
    list_select_related = ["document"]
    raw_id_fields = ["document", "parent"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        search_index.reindex_provisions(Provision.objects.filter(pk=obj.pk))


class DutyRoleInline(admin.TabularInline):
    model = DutyRole
    extra = 0
    raw_id_fields = ["department"]


def _import_scope(cleaned) -> str:
    department = cleaned["department"]
    return f"{cleaned['jurisdiction'].pk}|{department.pk if department else ''}|{cleaned['effective_on']}"


class InForceFilter(admin.SimpleListFilter):
    title = _("版本")
    parameter_name = "in_force"

    def lookups(self, request, model_admin):
        return [("yes", _("现行")), ("no", _("已失效或尚未施行"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.current()
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.current().values("pk"))
        return queryset


def is_history(duty) -> bool:
    """A version an edition has ended: history, which corrections must not rewrite."""
    return duty is not None and duty.valid_until is not None


@admin.register(DutyItem)
class DutyItemAdmin(AuditedAdmin):
    list_display = ["__str__", "number", "document", "valid_from", "valid_until"]
    list_filter = [InForceFilter, "document__jurisdiction", "document"]
    search_fields = ["text", "number", "=lineage"]
    list_select_related = ["document"]
    raw_id_fields = ["document", "provision"]
    readonly_fields = ["lineage", "valid_from", "valid_until", "edition", "ended_by", "wording"]
    inlines = [DutyRoleInline]

    def has_change_permission(self, request, obj=None):
        return not is_history(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not is_history(obj) and super().has_delete_permission(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the roles: the lead departments' names are part of the duty's search text.
        search_index.reindex_duties(DutyItem.objects.filter(pk=form.instance.pk))


@admin.register(DutyRole)
class DutyRoleAdmin(AuditedAdmin):
    list_display = ["duty", "role", "department", "name_as_written"]
    list_filter = ["role", "duty__document__jurisdiction"]
    search_fields = ["name_as_written", "department__name"]
    list_select_related = ["duty", "department"]
    raw_id_fields = ["duty", "department"]

    def has_change_permission(self, request, obj=None):
        return not is_history(obj and obj.duty) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not is_history(obj and obj.duty) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A role moved to another duty changes the search text of both.
        search_index.reindex_duties(
            DutyItem.objects.filter(pk__in=[obj.duty_id, form.initial.get("duty", obj.duty_id)])
        )

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        search_index.reindex_duties(DutyItem.objects.filter(pk=obj.duty_id))

    def delete_queryset(self, request, queryset):
        duty_ids = list(queryset.values_list("duty_id", flat=True))
        super().delete_queryset(request, queryset)
        search_index.reindex_duties(DutyItem.objects.filter(pk__in=duty_ids))


@admin.register(Repair)
class RepairAdmin(AuditedAdmin):
    list_display = ["document", "line", "kind", "original", "repaired"]
    list_filter = ["kind", "document"]
    search_fields = ["original", "repaired", "reason"]
    list_select_related = ["document"]
    raw_id_fields = ["document", "provision", "department"]


@admin.register(ReportingRule)
class ReportingRuleAdmin(AuditedAdmin):
    list_display = ["jurisdiction", "kind", "text_as_written", "deadline_month", "deadline_day", "publish_online"]
    list_filter = ["jurisdiction", "kind"]
    list_select_related = ["jurisdiction"]
    raw_id_fields = ["document", "provision"]
