# The admin's module, not its class: a config class named in this module would become the portal app's own.
from django.contrib.admin import apps as admin_apps


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's admin site (portal/admin.py)."""

    default = False
    default_site = "portal.admin.PortalAdminSite"
