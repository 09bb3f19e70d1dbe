from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.my_reports, name="mine"),
    path("start/<int:department_id>/", views.report_start, name="start"),
    path("<int:pk>/", views.report_edit, name="edit"),
    path("<int:pk>/publish/", views.report_publish, name="publish"),
]
