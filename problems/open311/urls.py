"""GeoReport v2's paths, with its format suffix (JSON only).

A record's id may hold any character, a slash too: whatever a client puts there is answered in GeoReport's
shape (a 404 for one that names nothing), not by the site's page for an unknown address.
"""

from django.urls import path, re_path

from problems.open311 import views

app_name = "open311"

urlpatterns = [
    path("services.json", views.ServiceListView.as_view(), name="services"),
    re_path(r"^services/(?P<service_code>.*)\.json$", views.ServiceDefinitionView.as_view(), name="service"),
    path("requests.json", views.RequestListView.as_view(), name="requests"),
    re_path(r"^requests/(?P<service_request_id>.*)\.json$", views.RequestDetailView.as_view(), name="request"),
]
