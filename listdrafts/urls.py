from django.urls import path

from listdrafts import row_views, step_views, views

app_name = "listdrafts"

urlpatterns = [
    path("workspace/lists/", views.ListWorkspaceView.as_view(), name="workspace"),
    path("workspace/lists/<int:pk>/", views.DraftDetailView.as_view(), name="detail"),
    path("workspace/lists/<int:pk>/rows/new/", row_views.RowFormView.as_view(), name="row_add"),
    path("workspace/lists/<int:pk>/rows/<int:row>/", row_views.RowFormView.as_view(), name="row_edit"),
    path(
        "workspace/lists/<int:pk>/rows/<int:row>/<str:action>/",
        row_views.RowActionView.as_view(),
        name="row_action",
    ),
    path("workspace/lists/<int:pk>/import/", row_views.ImportView.as_view(), name="import"),
    path("workspace/lists/<int:pk>/submit/", step_views.SubmitView.as_view(), name="submit"),
    path("workspace/lists/<int:pk>/review/", step_views.ReviewView.as_view(), name="review"),
    path("workspace/lists/<int:pk>/approval/", step_views.ApprovalView.as_view(), name="approval"),
    path("workspace/lists/<int:pk>/publish/", step_views.PublishView.as_view(), name="publish"),
]
