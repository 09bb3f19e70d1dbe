"""GeoReport v2's paths, with its format suffix (JSON only)."""

from django.urls import path

from problems.open311 import views

app_name = "open311"

urlpatterns = [
    path("services.json", views.ServiceListView.as_view(), name="services"),
    path("services/<str:service_code>.json", views.ServiceDefinitionView.as_view(), name="service"),
    path("requests.json", views.RequestListView.as_view(), name="requests"),
    path("requests/<str:service_request_id>.json", views.RequestDetailView.as_view(), name="request"),
]
