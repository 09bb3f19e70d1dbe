from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from duties.sitemaps import SITEMAPS
from portal import health, preferences

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", health.health, name="health"),
    path("preferences/care-mode/", preferences.care_mode_switch, name="care_mode_switch"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # The public pages come last: their first segment is a province's slug.
    path("", include("duties.urls")),
]

handler500 = "portal.errors.server_error"
