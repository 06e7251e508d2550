"""An event's times: stored as aware datetimes (UTC in the database) with the event's IANA time
zone, and always shown in that zone, saying which zone it is ("14:00-16:00 (Africa/Accra time,
GMT)"), so a visitor in another country reads the organisers' clock and knows it."""

import datetime
import zoneinfo
from functools import lru_cache

from django.utils import formats, timezone
from django.utils.translation import gettext as _


@lru_cache(maxsize=1)
def time_zone_choices():
    """Every IANA zone tzdata knows (Region/City names; the old aliases left out), sorted."""
    names = sorted(name for name in zoneinfo.available_timezones() if "/" in name and not name.startswith("Etc/"))
    return [("UTC", "UTC"), *((name, name.replace("_", " ")) for name in names)]


def zone(name):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return datetime.UTC


def in_zone(moment, name):
    """`moment` (aware) on the clock of the zone `name`."""
    return moment.astimezone(zone(name)) if moment else None


def as_wall_time(moment, name):
    """The same wall-clock reading taken in zone `name` (an editor types 14:00 meaning 14:00 in
    the event's zone, whatever zone the form read it in)."""
    naive = timezone.make_naive(moment) if timezone.is_aware(moment) else moment
    return naive.replace(tzinfo=zone(name))


def abbreviation(moment):
    """GMT, CET, EST...; where tzdata has no letters ("-05"), "UTC-05:00" (with a minus sign)."""
    name = moment.tzname() or ""
    if name[:1] in "+-" or not name:
        offset = moment.utcoffset() or datetime.timedelta()
        sign = "−" if offset < datetime.timedelta() else "+"
        minutes = abs(int(offset.total_seconds())) // 60
        return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return name


def _date(moment):
    return formats.date_format(moment, "DATE_FORMAT")


def _time(moment):
    # The 24-hour clock in every language: an international audience reads it the same way.
    return formats.time_format(moment, "H:i")


def when_text(start, end, zone_name):
    """The date and time of an event in its own zone, in the active language, stating the zone.

    "28 March 2026, 14:00-16:00 (Europe/Paris time, CET)" (with an en dash); over several days
    "28 March 2026, 14:00 - 30 March 2026, 16:00 (...)". A change of offset inside the event
    (daylight saving) names both abbreviations.
    """
    start, end = in_zone(start, zone_name), in_zone(end, zone_name)
    abbreviations = list(dict.fromkeys([abbreviation(start), abbreviation(end)]))
    where = _("%(zone)s time, %(abbreviation)s") % {
        "zone": zone_name.replace("_", " "),
        "abbreviation": "/".join(abbreviations),
    }
    if start.date() == end.date():
        span = f"{_date(start)}, {_time(start)}–{_time(end)}"
    else:
        span = f"{_date(start)}, {_time(start)} – {_date(end)}, {_time(end)}"
    return f"{span} ({where})"
