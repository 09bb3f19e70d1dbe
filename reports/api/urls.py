from rest_framework.routers import SimpleRouter

from reports.api import views

router = SimpleRouter()
router.register("reports", views.ReportViewSet, basename="report")
router.register("compliance", views.ComplianceViewSet, basename="compliance")

urlpatterns = router.urls
