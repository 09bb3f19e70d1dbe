from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from clients.throttling import rate_limited
from pages.api_docs import ApiDocsView
from pages.sitemaps import SITEMAPS
from portal import health, preferences

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", health.health, name="health"),
    path("api/v1/", include("duties.api.urls")),
    path("api/v1/", include("reports.api.urls")),
    path("api/v1/", include("calendars.api.urls")),
    path("api/v1/", include("problems.api.urls")),
    path("open311/v2/", include("problems.open311.urls")),
    path("captcha/", include("captcha.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The schema as a page of the portal, in Chinese and accessible (pages/api_docs.py), not Swagger UI.
    path("api/docs/", ApiDocsView.as_view(), name="api-docs"),
    path(
        "preferences/care-mode/",
        rate_limited("PUBLIC_FORM_THROTTLE_RATE")(preferences.care_mode_switch),
        name="care_mode_switch",
    ),
    # An index of one file per kind of page, each of at most 50,000 addresses (pages/sitemaps.py).
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("", include("reports.urls")),
    path("", include("plans.urls")),
    path("", include("listdrafts.urls")),
    path("", include("disclosures.urls")),
    path("", include("calendars.urls")),
    path("", include("problems.urls")),
    path("", include("contact.urls")),
    # The public pages come last: their first segment is a province's slug.
    path("", include("pages.urls")),
    path("", include("duties.urls")),
]

handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"
