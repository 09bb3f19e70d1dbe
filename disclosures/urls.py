from django.urls import path

from disclosures import views

app_name = "disclosures"

urlpatterns = [
    path("workspace/disclosures/", views.DisclosureWorkspaceView.as_view(), name="workspace"),
    path("workspace/disclosures/new/", views.DisclosureOpenView.as_view(), name="open"),
    path("workspace/disclosures/<int:pk>/", views.DisclosureEditView.as_view(), name="edit"),
    path("disclosures/attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("disclosures/<int:pk>/", views.PublicDisclosureView.as_view(), name="public_detail"),
    path("disclosures/<slug:province>/<int:year>/q<int:quarter>/", views.QuarterBoardView.as_view(), name="board"),
]
