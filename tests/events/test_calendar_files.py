"""The .ics files parse back with icalendar and give the right instants, across a
daylight-saving change; the feed lists upcoming events in its language."""

import datetime
import zoneinfo

import icalendar
import pytest

from tests import factories

UTC = datetime.UTC
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.mark.django_db
def test_event_file_across_the_change_to_summer_time(client, events_index):
    # Paris moves from CET (UTC+1) to CEST (UTC+2) at 02:00 on 28 March 2027: an event from
    # 20:00 on the 27th to 10:00 on the 28th lasts 13 hours, not 14.
    start = datetime.datetime(2027, 3, 27, 20, 0, tzinfo=PARIS)
    end = datetime.datetime(2027, 3, 28, 10, 0, tzinfo=PARIS)
    event = factories.EventPageFactory(
        parent=events_index, name="Night Market Vigil", start=start, end=end, time_zone="Europe/Paris"
    )
    response = client.get(f"/fr/events/{event.pk}/event.ics")
    assert "attachment" in response["Content-Disposition"]
    calendar = parse(response)
    [vevent] = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert vevent.decoded("DTSTART").astimezone(UTC) == datetime.datetime(2027, 3, 27, 19, 0, tzinfo=UTC)
    assert vevent.decoded("DTEND").astimezone(UTC) == datetime.datetime(2027, 3, 28, 8, 0, tzinfo=UTC)
    assert vevent.decoded("DTEND").astimezone(UTC) - vevent.decoded("DTSTART").astimezone(UTC) == datetime.timedelta(
        hours=13
    )
    assert str(vevent["SUMMARY"]) == "Night Market Vigil Français"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["UID"]) == f"event-{event.pk}@testserver"
    # The calendar carries the zone's definition, so no calendar has to guess it.
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert b"TZOFFSETTO:+0200" in response.content
    assert str(vevent["URL"]).startswith("http://testserver/fr/")


@pytest.mark.django_db
def test_cancelled_event_and_stable_uid(client, event):
    first = parse(client.get(f"/en/events/{event.pk}/event.ics")).walk("VEVENT")[0]
    event.status = "cancelled"
    event.save_revision().publish()
    second = parse(client.get(f"/es/events/{event.pk}/event.ics")).walk("VEVENT")[0]
    assert str(second["STATUS"]) == "CANCELLED"
    assert str(second["UID"]) == str(first["UID"])
    assert "Street Vendors Forum Español" in str(second["SUMMARY"])


@pytest.mark.django_db
def test_unknown_or_draft_event_is_a_404(client, event):
    assert client.get("/en/events/999999/event.ics").status_code == 404
    event.unpublish()
    assert client.get(f"/en/events/{event.pk}/event.ics").status_code == 404


@pytest.mark.django_db
def test_feed_lists_upcoming_events_in_its_language(client, events_index, event, past_event):
    untranslated = factories.EventPageFactory(parent=events_index, name="Home Workers", missing=("pt",))
    calendars = {code: parse(client.get(f"/{code}/events/calendar.ics")) for code in ("en", "pt")}
    english = sorted(str(item["SUMMARY"]) for item in calendars["en"].walk("VEVENT"))
    assert english == ["Home Workers English", "Street Vendors Forum English"]
    portuguese = [str(item["SUMMARY"]) for item in calendars["pt"].walk("VEVENT")]
    assert portuguese == ["Street Vendors Forum Português"]
    assert str(calendars["pt"]["X-WR-CALNAME"]) != str(calendars["en"]["X-WR-CALNAME"])
    assert untranslated.pk  # left out of the Portuguese feed only
    response = client.get("/en/events/calendar.ics")
    assert "attachment" not in response["Content-Disposition"]
    html = client.get(events_index.url).content.decode()
    assert 'href="/en/events/calendar.ics"' in html
