from api.routers import ExportRouter
from calendars.api import views

router = ExportRouter()
router.register("calendar", views.CalendarViewSet, basename="calendar")

urlpatterns = router.urls
