from rest_framework.routers import SimpleRouter

from calendars.api import views

router = SimpleRouter()
router.register("calendar", views.CalendarViewSet, basename="calendar")

urlpatterns = router.urls
