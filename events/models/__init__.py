"""Events (event.py) and the events page that lists them, upcoming and past (index.py)."""

from events.models.event import EventLanguage, EventPage, EventRecording
from events.models.index import PAST_SEGMENTS, EventIndexPage

__all__ = ["PAST_SEGMENTS", "EventIndexPage", "EventLanguage", "EventPage", "EventRecording"]
