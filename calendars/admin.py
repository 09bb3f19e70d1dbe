"""Admin: what the reminders sent, read-only (written only by send_deadline_reminders)."""

from django.contrib import admin

from calendars.models import ReminderSent
from duties.admin import ReadOnlyAdmin


@admin.register(ReminderSent)
class ReminderSentAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "deadline_uid", "threshold", "due", "outcome", "subject"]
    list_filter = ["outcome", "threshold"]
    search_fields = ["deadline_uid", "subject"]
