"""Admin: a province's time limit for quarterly disclosures (data, with its source); the disclosures themselves are
written only through disclosures.services, so they are read-only here."""

from django.contrib import admin

from disclosures.models import Disclosure, DisclosureTimeLimit
from duties.admin import ReadOnlyAdmin


@admin.register(DisclosureTimeLimit)
class DisclosureTimeLimitAdmin(admin.ModelAdmin):
    list_display = ["province", "days_after_quarter"]


@admin.register(Disclosure)
class DisclosureAdmin(ReadOnlyAdmin):
    list_display = ["body", "year", "quarter", "state", "deadline", "published_at", "published_on_time"]
    list_filter = ["state", "year", "quarter"]
    list_select_related = ["body"]
