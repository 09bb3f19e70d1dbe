from django.contrib import admin

from reports.models import AnnualReport, Membership, ReportEntry, ReportRevision


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "department", "jurisdiction"]
    list_filter = ["role"]
    autocomplete_fields = ["user"]
    raw_id_fields = ["department"]


class ReportEntryInline(admin.TabularInline):
    model = ReportEntry
    extra = 0
    raw_id_fields = ["duty"]


class ReportRevisionInline(admin.TabularInline):
    model = ReportRevision
    extra = 0
    readonly_fields = ["number", "content", "reason", "created_at", "created_by"]
    can_delete = False


@admin.register(AnnualReport)
class AnnualReportAdmin(admin.ModelAdmin):
    list_display = ["department", "year", "status", "deadline", "submitted_at"]
    list_filter = ["status", "year"]
    list_select_related = ["department"]
    raw_id_fields = ["department", "submitted_by"]
    inlines = [ReportEntryInline, ReportRevisionInline]
