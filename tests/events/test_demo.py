"""The demo events: built relative to the day the demo is loaded, so some are upcoming and some
past whenever it is built; four languages with deliberate gaps."""

import icalendar
import pytest
from django.core.management import call_command
from django.utils import timezone

from core import page_languages as languages
from events.models import EventIndexPage, EventPage


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_events_are_upcoming_and_past_in_four_languages(client):
    call_command("load_demo_content", verbosity=0)
    index = EventIndexPage.objects.live().get()
    now = timezone.now()
    assert index.upcoming_events().count() >= 4
    assert index.past_events().count() >= 2
    assert all(event.start > now for event in index.upcoming_events())
    statuses = set(EventPage.objects.values_list("status", flat=True))
    assert {"scheduled", "postponed", "cancelled", "moved-online"} <= statuses
    assert any(len(languages.page_languages(event)) < 4 for event in EventPage.objects.all())
    assert EventPage.objects.filter(recordings__isnull=False).exists()
    for code in ("en", "es", "fr", "pt"):
        response = client.get(f"/{code}/events/calendar.ics", HTTP_HOST="127.0.0.1:8000")
        calendar = icalendar.Calendar.from_ical(response.content)
        assert len(calendar.walk("VEVENT")) >= 3, code
        past = client.get(index.past_url(code), HTTP_HOST="127.0.0.1:8000")
        assert past.status_code == 200
