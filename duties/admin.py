from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import search_index
from .models import (
    Department,
    Document,
    DocumentIssuer,
    DutyItem,
    DutyRole,
    Jurisdiction,
    Provision,
    Repair,
    ReportingRule,
    Sector,
)

admin.site.site_header = _("生态环境保护具体事项清单 · 管理")
admin.site.site_title = _("具体事项清单管理")
admin.site.index_title = _("数据管理")


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "position"]
    search_fields = ["name", "code"]


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "slug", "level", "kind", "parent"]
    list_filter = ["level", "kind"]
    search_fields = ["name", "short_name", "code", "slug"]
    raw_id_fields = ["parent"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
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
class DocumentAdmin(admin.ModelAdmin):
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
class DocumentIssuerAdmin(admin.ModelAdmin):
    list_display = ["name_as_written", "department", "document", "position"]
    list_select_related = ["department", "document"]
    raw_id_fields = ["document", "department"]


@admin.register(Provision)
class ProvisionAdmin(admin.ModelAdmin):
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


@admin.register(DutyItem)
class DutyItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "number", "document", "position"]
    list_filter = ["document__jurisdiction", "document"]
    search_fields = ["text", "number"]
    list_select_related = ["document"]
    raw_id_fields = ["document", "provision"]
    inlines = [DutyRoleInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the roles: the lead departments' names are part of the duty's search text.
        search_index.reindex_duties(DutyItem.objects.filter(pk=form.instance.pk))


@admin.register(DutyRole)
class DutyRoleAdmin(admin.ModelAdmin):
    list_display = ["duty", "role", "department", "name_as_written"]
    list_filter = ["role", "duty__document__jurisdiction"]
    search_fields = ["name_as_written", "department__name"]
    list_select_related = ["duty", "department"]
    raw_id_fields = ["duty", "department"]

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
class RepairAdmin(admin.ModelAdmin):
    list_display = ["document", "line", "kind", "original", "repaired"]
    list_filter = ["kind", "document"]
    search_fields = ["original", "repaired", "reason"]
    list_select_related = ["document"]
    raw_id_fields = ["document", "provision", "department"]


@admin.register(ReportingRule)
class ReportingRuleAdmin(admin.ModelAdmin):
    list_display = ["jurisdiction", "kind", "text_as_written", "deadline_month", "deadline_day", "publish_online"]
    list_filter = ["jurisdiction", "kind"]
    list_select_related = ["jurisdiction"]
    raw_id_fields = ["document", "provision"]
