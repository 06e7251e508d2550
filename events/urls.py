"""The events' addresses outside their pages (under each language prefix): calendar files."""

from django.urls import path

from events import views

urlpatterns = [
    path("events/calendar.ics", views.calendar_feed, name="events_calendar_feed"),
    path("events/<id:pk>/event.ics", views.event_calendar_file, name="event_calendar_file"),
]
