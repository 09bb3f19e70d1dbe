from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import services
from .admin_forms import AuditedModelForm, DepartmentAdminForm, JurisdictionAdminForm
from .admin_import import ListImportAdminMixin
from .audit import AuditEntry
from .models import (
    CommitteeOffice,
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
    Requirement,
    RequirementRole,
    Sector,
)

admin.site.site_header = _("生态环境保护具体事项清单 · 管理")
admin.site.site_title = _("具体事项清单管理")
admin.site.index_title = _("数据管理")


class AuditedAdmin(admin.ModelAdmin):
    """Ask for a reason on every add and change; the services save, record and re-index (duties/services/records.py)."""

    form = AuditedModelForm

    def has_change_permission(self, request, obj=None):
        return (obj is None or services.may_correct(obj)) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or services.may_correct(obj)) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        services.record_save(
            user=request.user,
            obj=obj,
            fields=[name for name in form.changed_data if name != "audit_reason"],
            reason=form.cleaned_data.get("audit_reason", ""),
            adding=not change,
        )

    def save_formset(self, request, form, formset, change):
        services.inline_records_save(
            user=request.user, formset=formset, reason=form.cleaned_data.get("audit_reason", "")
        )

    def delete_model(self, request, obj):
        services.record_delete(user=request.user, obj=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.record_delete(user=request.user, obj=obj)


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
class EditionAdmin(ListImportAdminMixin, ReadOnlyAdmin):
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


@admin.register(Sector)
class SectorAdmin(AuditedAdmin):
    list_display = ["name", "code", "position"]
    search_fields = ["name", "code"]


@admin.register(Jurisdiction)
class JurisdictionAdmin(AuditedAdmin):
    form = JurisdictionAdminForm
    list_display = ["name", "code", "slug", "level", "kind", "parent"]
    list_filter = ["level", "kind"]
    search_fields = ["name", "short_name", "code", "slug"]
    raw_id_fields = ["parent"]


@admin.register(Department)
class DepartmentAdmin(AuditedAdmin):
    form = DepartmentAdminForm
    list_display = ["name", "short_name", "jurisdiction", "sector", "bears_key_duties", "name_attested"]
    list_filter = ["jurisdiction", "sector", "bears_key_duties", "name_attested"]
    search_fields = ["name", "short_name", "slug"]
    list_select_related = ["jurisdiction", "sector"]
    raw_id_fields = ["key_duties_provision"]


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


class DutyRoleInline(admin.TabularInline):
    model = DutyRole
    extra = 0
    raw_id_fields = ["department"]


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


@admin.register(DutyItem)
class DutyItemAdmin(AuditedAdmin):
    list_display = ["__str__", "number", "document", "valid_from", "valid_until"]
    list_filter = [InForceFilter, "document__jurisdiction", "document"]
    search_fields = ["text", "number", "=lineage"]
    list_select_related = ["document"]
    raw_id_fields = ["document", "provision"]
    readonly_fields = ["lineage", "valid_from", "valid_until", "edition", "ended_by", "wording"]
    inlines = [DutyRoleInline]


@admin.register(DutyRole)
class DutyRoleAdmin(AuditedAdmin):
    list_display = ["duty", "role", "department", "name_as_written"]
    list_filter = ["role", "duty__document__jurisdiction"]
    search_fields = ["name_as_written", "department__name"]
    list_select_related = ["duty", "department"]
    raw_id_fields = ["duty", "department"]


class RequirementRoleInline(admin.TabularInline):
    model = RequirementRole
    extra = 0
    raw_id_fields = ["department"]


@admin.register(Requirement)
class RequirementAdmin(AuditedAdmin):
    list_display = ["__str__", "number", "document"]
    list_filter = ["document__jurisdiction", "document"]
    search_fields = ["text", "number"]
    list_select_related = ["document"]
    raw_id_fields = ["document", "provision"]
    inlines = [RequirementRoleInline]


@admin.register(RequirementRole)
class RequirementRoleAdmin(AuditedAdmin):
    list_display = ["requirement", "role", "department", "name_as_written"]
    list_filter = ["role", "requirement__document__jurisdiction"]
    search_fields = ["name_as_written", "department__name"]
    list_select_related = ["requirement", "department"]
    raw_id_fields = ["requirement", "department"]


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


@admin.register(CommitteeOffice)
class CommitteeOfficeAdmin(admin.ModelAdmin):
    list_display = ["user", "jurisdiction"]
    list_select_related = ["user", "jurisdiction"]
    autocomplete_fields = ["user"]
    search_fields = ["user__username", "jurisdiction__name"]
