from django.urls import path

from pages import views

app_name = "pages"

# Included before duties.urls: a province's slug takes the first segment of those.
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("<slug:province>/departments/<slug:department>/", views.DepartmentView.as_view(), name="department"),
    path(
        "<slug:province>/<int:code>/departments/<slug:department>/",
        views.DepartmentView.as_view(),
        name="local_department",
    ),
]
