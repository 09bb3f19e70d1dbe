from django.urls import path

from contact import views

app_name = "contact"

urlpatterns = [
    path("departments/<int:pk>/corrections/new/", views.CorrectionNewView.as_view(), name="correction_new"),
    path("corrections/track/<str:key>/", views.correction_track, name="correction_track"),
    path("workspace/corrections/", views.correction_list, name="corrections"),
    path("workspace/corrections/<int:pk>/", views.CorrectionWorkView.as_view(), name="correction_work"),
    path("workspace/departments/<int:pk>/contact/", views.ContactEditView.as_view(), name="contact_edit"),
]
