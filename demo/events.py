"""Demo events: dates computed from the day the demo is built (so the upcoming ones are upcoming
when someone looks), times on each event's own clock, and what only events have."""

import datetime
import zoneinfo

from django.utils import timezone

from events.models import EventLanguage, EventRecording

# Spec fields of an EventPage besides the common ones (demo/demo_data/README.md).
PLAIN_FIELDS = ["time_zone", "status", "attendance", "registration_url", "online_url"]


def schedule(page, spec):
    """Start and end from `start_in_days` (negative: in the past), `start_time` and `end_time`
    on the clock of `time_zone`; set before the page is first saved (both are required)."""
    zone = zoneinfo.ZoneInfo(spec.get("time_zone", "UTC"))
    day = timezone.now().astimezone(zone).date() + datetime.timedelta(days=spec["start_in_days"])
    start = datetime.time.fromisoformat(spec.get("start_time", "10:00"))
    end = datetime.time.fromisoformat(spec.get("end_time", "12:00"))
    end_day = day + datetime.timedelta(days=spec.get("days", 1) - 1)
    page.start = datetime.datetime.combine(day, start, tzinfo=zone)
    page.end = datetime.datetime.combine(end_day, end, tzinfo=zone)
    page.country = spec.get("country_code", "")
    for field in PLAIN_FIELDS:
        if field in spec:
            setattr(page, field, spec[field])


def fill_event(page, spec, resolve_block):
    """Second pass: languages of the event, the report and the recordings."""
    page.event_languages = [
        EventLanguage(language=code, sort_order=index) for index, code in enumerate(spec.get("event_languages", []))
    ]
    for code, blocks in spec.get("report", {}).items():
        setattr(page, f"report_{code}", [resolve_block(block) for block in blocks])
    page.recordings = [
        EventRecording(title=item["title"], url=item["url"], language=item["language"], sort_order=index)
        for index, item in enumerate(spec.get("recordings", []))
    ]
