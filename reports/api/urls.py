from api.routers import ExportRouter
from reports.api import views

router = ExportRouter()
router.register("reports", views.ReportViewSet, basename="report")
router.register("compliance", views.ComplianceViewSet, basename="compliance")

urlpatterns = router.urls
