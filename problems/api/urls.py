from django.urls import path, re_path
from rest_framework.settings import api_settings

from api.routers import ExportRouter
from problems.api import views

router = ExportRouter()
router.register("problems", views.ProblemViewSet, basename="problem")

routing = views.RoutingViewSet.as_view({"get": "route"})
urlpatterns = [
    path("routing/", routing, name="routing"),
    # The proposals as a CSV file of their own, like every list's (api.routers.ExportRouter).
    re_path(r"^routing\.csv$", routing, {api_settings.FORMAT_SUFFIX_KWARG: "csv"}, name="routing-csv"),
    *router.urls,
]
