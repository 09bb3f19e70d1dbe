"""Admin: site admins give accounts the committee office's role and set a province's plan rule; plans themselves
are written only through plans.services (the workspace), so they are read-only here."""

from django.contrib import admin

from duties.admin import ReadOnlyAdmin
from plans.models import AnnualPlan, FilingOffice, PlanRule


@admin.register(PlanRule)
class PlanRuleAdmin(admin.ModelAdmin):
    list_display = ["province", "filed_with", "filing_deadline_month", "filing_deadline_day"]


@admin.register(FilingOffice)
class FilingOfficeAdmin(admin.ModelAdmin):
    list_display = ["user", "jurisdiction"]
    list_select_related = ["user", "jurisdiction"]
    autocomplete_fields = ["user"]
    search_fields = ["user__username", "jurisdiction__name"]


@admin.register(AnnualPlan)
class AnnualPlanAdmin(ReadOnlyAdmin):
    list_display = ["department", "year", "state", "first_submitted_at", "first_acknowledged_at", "published_at"]
    list_filter = ["state", "year"]
    list_select_related = ["department"]
