"""Admin: site admins manage the departments' handlers (offices are duties' CommitteeOffice), the time limits
and the hotline keys. Problems are read-only here and never show the reporter's contact: every write goes
through problems.services."""

from django.contrib import admin

from duties.admin import ReadOnlyAdmin
from problems.models import HandlingRole, HotlineKey, Problem, TimeLimits


@admin.register(HandlingRole)
class HandlingRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "department"]
    list_select_related = ["user", "department__jurisdiction"]
    search_fields = ["user__username", "department__name"]
    autocomplete_fields = ["user", "department"]


@admin.register(TimeLimits)
class TimeLimitsAdmin(admin.ModelAdmin):
    list_display = ["jurisdiction", "acceptance_days", "handling_days", "extension_max_days", "extensions_allowed"]
    list_select_related = ["jurisdiction"]


@admin.register(HotlineKey)
class HotlineKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "key_prefix", "active", "created_at"]
    fields = ["name", "active"]

    def has_add_permission(self, request):
        return False  # keys are issued by `manage.py issue_hotline_key`, which shows the key once


@admin.register(Problem)
class ProblemAdmin(ReadOnlyAdmin):
    list_display = ["number", "category", "jurisdiction", "department", "status", "received_at"]
    list_filter = ["status", "category", "source"]
    list_select_related = ["jurisdiction", "department"]
    search_fields = ["number"]
    fields = [
        "number",
        "source",
        "jurisdiction",
        "category",
        "public_text",
        "status",
        "department",
        "received_at",
        "acceptance_due",
        "accepted_at",
        "handling_due",
        "handled_at",
        "closed_at",
    ]
