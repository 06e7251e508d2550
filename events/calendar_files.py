"""iCalendar (RFC 5545) files of events, made with `icalendar`: one event to download, and the
feed of upcoming events a calendar application subscribes to, in the language of the address.

Times are written on the event's own clock with its TZID, and the calendar carries a VTIMEZONE
for each zone (generated from tzdata by icalendar), so a calendar in any country shows the right
instant across daylight-saving changes. A UID is the event's page id on the site's host: it never
changes, so a subscribed calendar updates an event (time, status) instead of duplicating it.
"""

import datetime
from urllib.parse import urlparse

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from core.sites import site_for

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//WIEGO//Events//EN"
# iCalendar STATUS of a VEVENT for each event status. A postponed event keeps its old date until
# a new one is set, so it is TENTATIVE; one moved online still happens.
STATUS = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED", "moved-online": "CONFIRMED"}


def uid(event, request=None):
    site = site_for(request)
    host = urlparse(site.root_url).hostname if site is not None else "wiego.org"
    return f"event-{event.pk}@{host}"


def _location(event):
    if event.status == event.MOVED_ONLINE or event.attendance == event.ONLINE:
        return _("Online")
    place = event.place_text()
    if event.attendance == event.MIXED:
        return _("%(place)s and online") % {"place": place} if place else _("Online")
    return place


def vevent(event, request=None):
    url = event.get_full_url(request=request)
    item = icalendar.Event()
    item.add("uid", uid(event, request))
    item.add("dtstamp", event.last_published_at or timezone.now())
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    item.add("dtstart", event.local_start)
    item.add("dtend", event.local_end)
    summary = event.title
    if event.status == event.CANCELLED:
        summary = _("Cancelled: %(title)s") % {"title": summary}
    elif event.status == event.POSTPONED:
        summary = _("Postponed: %(title)s") % {"title": summary}
    item.add("summary", summary)
    description = "\n\n".join(part for part in (event.teaser or event.intro, url) if part)
    item.add("description", description)
    item.add("url", url)
    item.add("status", STATUS[event.status])
    location = _location(event)
    if location:
        item.add("location", location)
    if event.registration_url:
        item.add("attach", event.registration_url)
    return item


def calendar(events, request=None, *, name):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    # Ask subscribed calendars to look again twice a day (RFC 7986 and the older Apple name).
    cal.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")
    events = list(events)
    for event in events:
        cal.add_component(vevent(event, request))
    if events:
        # Only the years the events need, so the file stays small.
        first = min(event.local_start for event in events).date().replace(month=1, day=1)
        last = max(event.local_end for event in events).date().replace(month=12, day=31)
        cal.add_missing_timezones(first_date=first - datetime.timedelta(days=366), last_date=last)
    return cal.to_ical()
