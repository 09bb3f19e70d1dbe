from django.urls import path

from plans import views

app_name = "plans"

urlpatterns = [
    path("workspace/plans/", views.PlanWorkspaceView.as_view(), name="workspace"),
    path("workspace/plans/new/", views.PlanCreateView.as_view(), name="plan_create"),
    path("workspace/plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("workspace/plans/<int:pk>/decision/", views.PlanDecisionView.as_view(), name="plan_decision"),
    path("workspace/plans/<int:pk>/publish/", views.PlanStepView.as_view(), {"step": "publish"}, name="plan_publish"),
    path("workspace/plans/<int:pk>/revise/", views.PlanStepView.as_view(), {"step": "revise"}, name="plan_revise"),
    path("plans/<slug:province>/<slug:department>/<int:year>/", views.PublicPlanView.as_view(), name="public_detail"),
]
