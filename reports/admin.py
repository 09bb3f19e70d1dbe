"""Admin: site admins manage accounts and their roles here; reports are read-only.

A report is written only through reports.services (the workspace pages), so the admin
cannot bypass the permission, state and version checks that live there.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from duties.admin import ReadOnlyAdmin
from reports.models import Attachment, Membership, Report, ReportEntry, ReportSection, Revision


class MembershipInline(admin.StackedInline):
    model = Membership
    can_delete = True
    extra = 0
    max_num = 1
    autocomplete_fields = ["department"]
    verbose_name = _("角色")


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "last_name", "first_name", "membership_role", "membership_scope", "is_active"]
    list_select_related = ["membership__department", "membership__province"]
    list_filter = ["is_active", "is_superuser", "membership__role"]

    @admin.display(description=_("角色"))
    def membership_role(self, user):
        membership = getattr(user, "membership", None)
        return membership.get_role_display() if membership else "—"

    @admin.display(description=_("部门或省份"))
    def membership_scope(self, user):
        membership = getattr(user, "membership", None)
        return (membership.department or membership.province) if membership else "—"


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "department", "province"]
    list_filter = ["role", "province"]
    list_select_related = ["user", "department", "province"]
    search_fields = ["user__username", "department__name", "department__short_name"]
    autocomplete_fields = ["user", "department"]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        # Every field shown, the non-editable ones (uploaded_at, created_at) included: the inline's form has none.
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReportEntryInline(ReadOnlyInline):
    model = ReportEntry
    fields = ["position", "duty_text", "status", "progress", "figures", "evidence_links"]


class ReportSectionInline(ReadOnlyInline):
    model = ReportSection
    fields = ["position", "title", "body"]


class AttachmentInline(ReadOnlyInline):
    model = Attachment
    fields = ["original_name", "kind", "size", "uploaded_by", "uploaded_at"]


class RevisionInline(ReadOnlyInline):
    model = Revision
    fields = ["number", "kind", "reason", "created_at", "created_by"]


class ReportPartAdmin(ReadOnlyAdmin):
    list_select_related = ["report__department"]


@admin.register(Report)
class ReportAdmin(ReportPartAdmin):
    list_display = ["department", "year", "state", "deadline", "submitted_at", "submitted_on_time", "published_at"]
    list_filter = ["state", "year", "submitted_on_time", "department__jurisdiction"]
    list_select_related = ["department__jurisdiction"]
    search_fields = ["department__name", "department__short_name"]
    inlines = [ReportEntryInline, ReportSectionInline, AttachmentInline, RevisionInline]


@admin.register(Revision)
class RevisionAdmin(ReportPartAdmin):
    list_display = ["report", "number", "kind", "created_at", "created_by"]
    list_select_related = ["report__department", "created_by"]


@admin.register(ReportEntry)
class ReportEntryAdmin(ReportPartAdmin):
    list_display = ["report", "position", "__str__", "status"]


@admin.register(ReportSection)
class ReportSectionAdmin(ReportPartAdmin):
    list_display = ["report", "position", "title"]


@admin.register(Attachment)
class AttachmentAdmin(ReportPartAdmin):
    list_display = ["report", "original_name", "kind", "size", "uploaded_at"]
