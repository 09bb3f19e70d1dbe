from django.urls import path

from calendars import views

app_name = "calendars"

urlpatterns = [
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("calendar.ics", views.calendar_feed, name="feed"),
]
