"""The admin site, with its sign-in limited per client like the staff sign-in page (LOGIN_THROTTLE_RATE)."""

from django.contrib import admin

from clients.throttling import rate_limited


class PortalAdminSite(admin.AdminSite):
    """Django's admin site whose sign-in form counts against the client's sign-in rate."""

    def login(self, request, extra_context=None):
        return rate_limited("LOGIN_THROTTLE_RATE")(super().login)(request, extra_context)
