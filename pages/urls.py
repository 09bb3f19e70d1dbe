from django.urls import path

from clients.throttling import rate_limited
from pages import print_links, statements, views
from pages.forms import SearchForm

app_name = "pages"

# The public forms these pages hold are submitted by GET: a submission counts against the client's
# PUBLIC_FORM_THROTTLE_RATE (clients/throttling.py), a plain visit does not.
search_form = rate_limited("PUBLIC_FORM_THROTTLE_RATE", methods=("GET",), fields=tuple(SearchForm.base_fields))
day_picker = rate_limited("PUBLIC_FORM_THROTTLE_RATE", methods=("GET",), fields=("as_of",))

# Included before duties.urls: a province's slug takes the first segment of those.
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", search_form(views.SearchView.as_view()), name="search"),
    path("print-links.css", print_links.print_links, name="print_links"),
    path("contact/", statements.ContactView.as_view(), name="contact"),
    path("privacy/", statements.PrivacyView.as_view(), name="privacy"),
    path("accessibility/", statements.AccessibilityView.as_view(), name="accessibility"),
    path("accounts/signed-out/", statements.SignedOutView.as_view(), name="signed_out"),
    path(
        "<slug:province>/departments/<slug:department>/", day_picker(views.DepartmentView.as_view()), name="department"
    ),
    path(
        "<slug:province>/<int:code>/departments/<slug:department>/",
        day_picker(views.DepartmentView.as_view()),
        name="local_department",
    ),
]
