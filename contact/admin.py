"""Admin: site admins read the contact data and the corrections here; they write both through the workspace
pages (contact data recorded as entered by an admin, answers told to the reader), as the departments do."""

from django.contrib import admin

from contact.models import CorrectionRequest, DepartmentContact
from duties.admin import ReadOnlyAdmin


@admin.register(DepartmentContact)
class DepartmentContactAdmin(ReadOnlyAdmin):
    list_display = ["department", "phone", "entered_as", "updated_at"]
    list_select_related = ["department"]


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(ReadOnlyAdmin):
    list_display = ["number", "department", "status", "received_at", "responded_at"]
    list_filter = ["status"]
    list_select_related = ["department"]
