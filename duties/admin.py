from django.contrib import admin
from django.utils.translation import gettext_lazy as _

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


@admin.register(DutyRole)
class DutyRoleAdmin(admin.ModelAdmin):
    list_display = ["duty", "role", "department", "name_as_written"]
    list_filter = ["role", "duty__document__jurisdiction"]
    search_fields = ["name_as_written", "department__name"]
    list_select_related = ["duty", "department"]
    raw_id_fields = ["duty", "department"]


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
