from django.urls import path

from calendars import glance_views, views

app_name = "calendars"

urlpatterns = [
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("calendar.ics", views.calendar_feed, name="feed"),
    path(
        "workspace/year/<slug:province>/<int:year>/", glance_views.YearAtAGlanceView.as_view(), name="year_at_a_glance"
    ),
]
