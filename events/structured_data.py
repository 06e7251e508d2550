"""An event described for search engines: a schema.org `Event` with its status and attendance
mode (https://schema.org/Event, https://developers.google.com/search/docs/appearance/structured-data/event).
Times are written with the offset of the event's own zone."""

from core import page_languages as languages
from core.sites import SCHEMA_CONTEXT, content_language

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
    "moved-online": "https://schema.org/EventMovedOnline",
}
ATTENDANCE = {
    "in-person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def _place(event):
    address = {"@type": "PostalAddress"}
    if event.city:
        address["addressLocality"] = event.city
    if event.country:
        address["addressCountry"] = event.country
    return {"@type": "Place", "name": event.venue or event.city or event.country_name(), "address": address}


def _virtual(event, page_url):
    return {"@type": "VirtualLocation", "url": event.online_url or event.registration_url or page_url}


def event_ld(event, request, *, image=None, organizer=None):
    page_url = languages.canonical_url(event, request)
    moved_online = event.status == event.MOVED_ONLINE
    attendance = event.ONLINE if moved_online else event.attendance
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Event",
        "name": event.title,
        "url": page_url,
        "startDate": event.local_start.isoformat(timespec="minutes"),
        "endDate": event.local_end.isoformat(timespec="minutes"),
        "eventStatus": STATUS[event.status],
        "eventAttendanceMode": ATTENDANCE[attendance],
        "description": event.teaser or event.intro,
    }
    if attendance == event.IN_PERSON:
        data["location"] = _place(event)
    elif attendance == event.ONLINE:
        data["location"] = _virtual(event, page_url)
    else:
        data["location"] = [_place(event), _virtual(event, page_url)]
    codes = [code for code, _name in event.language_names()]
    if codes:
        data["inLanguage"] = codes if len(codes) > 1 else codes[0]
    else:
        data["inLanguage"] = content_language(event)
    if organizer:
        data["organizer"] = organizer
    if image:
        data["image"] = [image["url"]]
    return data
