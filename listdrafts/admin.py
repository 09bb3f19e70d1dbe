"""Admin: draft lists are written only through listdrafts.services (the workspace), so they are read-only here; a
correction to a published list goes through the duty lists' own import."""

from django.contrib import admin

from duties.admin import ReadOnlyAdmin
from listdrafts.models import ListDraft


@admin.register(ListDraft)
class ListDraftAdmin(ReadOnlyAdmin):
    list_display = ["department", "state", "first_submitted_at", "approved_on", "published_at"]
    list_filter = ["state"]
    list_select_related = ["department"]
