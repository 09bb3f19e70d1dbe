from api.routers import ExportRouter
from duties.api import views

router = ExportRouter()
router.register("provinces", views.ProvinceViewSet, basename="province")
router.register("sectors", views.SectorViewSet, basename="sector")
router.register("departments", views.DepartmentViewSet, basename="department")
router.register("duties", views.DutyItemViewSet, basename="duty")
router.register("requirements", views.RequirementViewSet, basename="requirement")
router.register("list-publication", views.ListPublicationViewSet, basename="list-publication")
router.register("lead-departments", views.LeadDepartmentViewSet, basename="lead-department")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("editions", views.EditionViewSet, basename="edition")

urlpatterns = router.urls
