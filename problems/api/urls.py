from django.urls import path
from rest_framework.routers import SimpleRouter

from problems.api import views

router = SimpleRouter()
router.register("problems", views.ProblemViewSet, basename="problem")

urlpatterns = [path("routing/", views.RoutingView.as_view(), name="routing"), *router.urls]
