"""Admin: site admins set a province's plan rule (the committee office's accounts are duties' CommitteeOffice);
plans themselves are written only through plans.services (the workspace), so they are read-only here."""

from django.contrib import admin

from duties.admin import ReadOnlyAdmin
from plans.models import AnnualPlan, PlanRule


@admin.register(PlanRule)
class PlanRuleAdmin(admin.ModelAdmin):
    list_display = ["province", "filed_with", "filing_deadline_month", "filing_deadline_day"]


@admin.register(AnnualPlan)
class AnnualPlanAdmin(ReadOnlyAdmin):
    list_display = ["department", "year", "state", "first_submitted_at", "first_acknowledged_at", "published_at"]
    list_filter = ["state", "year"]
    list_select_related = ["department"]
