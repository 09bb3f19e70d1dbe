from django.urls import path

from clients.throttling import rate_limited
from duties import feeds, views

app_name = "duties"

# The day picker on these pages is a public form submitted by GET: a submission counts against the
# client's PUBLIC_FORM_THROTTLE_RATE (clients/throttling.py), a plain visit does not.
day_picker = rate_limited("PUBLIC_FORM_THROTTLE_RATE", methods=("GET",), fields=("as_of",))

# Province slugs take the first path segment, so fixed pages are listed before them (the pages that
# combine apps, pages/urls.py, are included before these).
urlpatterns = [
    path("sectors/", views.SectorListView.as_view(), name="sector_list"),
    path("sectors/<slug:sector>/", views.SectorDetailView.as_view(), name="sector"),
    path("<slug:province>/", day_picker(views.ProvinceView.as_view()), name="province"),
    path("<slug:province>/changes/", views.ChangesView.as_view(), name="changes"),
    # Each list in the spreadsheet template: duties.csv or duties.xlsx beside its page.
    path("<slug:province>/duties.<str:fmt>", views.ListExportView.as_view(), name="export"),
    path("<slug:province>/<int:code>/duties.<str:fmt>", views.ListExportView.as_view(), name="local_export"),
    path(
        "<slug:province>/departments/<slug:department>/duties.<str:fmt>",
        views.ListExportView.as_view(),
        name="department_export",
    ),
    path(
        "<slug:province>/<int:code>/departments/<slug:department>/duties.<str:fmt>",
        views.ListExportView.as_view(),
        name="local_department_export",
    ),
    # A city's or county's pages: its code after the province's slug.
    path("<slug:province>/<int:code>/", day_picker(views.ProvinceView.as_view()), name="jurisdiction"),
    path(
        "<slug:province>/<int:code>/departments/<slug:department>/changes/",
        views.DepartmentChangesView.as_view(),
        name="local_department_changes",
    ),
    path(
        "<slug:province>/<int:code>/departments/<slug:department>/changes/feed/",
        feeds.DepartmentChangesFeed(),
        name="local_department_changes_feed",
    ),
    path("<slug:province>/changes/feed/", feeds.ProvinceChangesFeed(), name="changes_feed"),
    path(
        "<slug:province>/departments/<slug:department>/changes/",
        views.DepartmentChangesView.as_view(),
        name="department_changes",
    ),
    path(
        "<slug:province>/departments/<slug:department>/changes/feed/",
        feeds.DepartmentChangesFeed(),
        name="department_changes_feed",
    ),
    path("<slug:province>/duties/<int:pk>/", views.DutyView.as_view(), name="duty"),
    path("<slug:province>/documents/", views.DocumentListView.as_view(), name="document_list"),
    path("<slug:province>/documents/<int:pk>/", views.DocumentView.as_view(), name="document"),
]
