"""An event page: its times on its own clock, place or online, status, JSON-LD, and what
happened once it is over, in the four languages."""

import datetime
import json
import re

import pytest

from events.models import EventLanguage, EventPage, EventRecording
from tests import factories
from tests.helpers import LANGUAGES, case, public_page, switcher_hrefs, url_in

WORD = factories.LANGUAGE_WORDS
AWARE = datetime.UTC


def json_ld(html, kind):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == kind:
            return data
    raise AssertionError(f"no {kind} JSON-LD")


@pytest.mark.django_db
def test_event_renders_in_each_language_with_its_zone_stated(client, event):
    for language in LANGUAGES:
        with case(language):
            html = public_page(client, event, language)
            assert f'<html lang="{language}"' in html
            assert f"Street Vendors Forum {WORD[language]}" in html
            assert "not yet available" not in html
            assert switcher_hrefs(html) == {code: url_in(event, code) for code in LANGUAGES}
            # 14:00 in Accra is 14:00 GMT; the zone is named in the visitor's language.
            assert "14:00–16:00" in html
            assert re.search(r"\([^()]*Africa/Accra[^()]*, GMT\)", html)
            assert f"Accra {language}" in html
    assert "(Africa/Accra time, GMT)" in public_page(client, event, "en")


@pytest.mark.django_db
def test_country_is_named_in_the_visitors_language(client, events_index):
    event = factories.EventPageFactory(parent=events_index, country="DE")
    names = {"en": "Germany", "es": "Alemania", "fr": "Allemagne", "pt": "Alemanha"}
    for language, name in names.items():
        facts = public_page(client, event, language).split('<dl class="facts">')[1].split("</dl>")[0]
        assert re.search(rf"Accra {language}</span>, {name}\s*</dd>", facts)


@pytest.mark.django_db
def test_times_are_shown_on_the_events_clock_across_daylight_saving(client, events_index):
    # 27 March 2027 is a Saturday before the change to summer time in Paris (28 March).
    paris = datetime.datetime(2027, 3, 29, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    event = factories.EventPageFactory(
        parent=events_index, start=paris, end=paris + datetime.timedelta(hours=2), time_zone="Europe/Paris"
    )
    html = public_page(client, event, "en")
    assert "10:00–12:00 (Europe/Paris time, CEST)" in html
    assert 'datetime="2027-03-29T10:00:00+02:00"' in html


@pytest.mark.django_db
def test_fallback_to_english_with_a_notice(client, events_index):
    event = factories.EventPageFactory(parent=events_index, name="Domestic Workers Day", missing=("fr",))
    html = public_page(client, event, "fr")
    assert "not yet available" not in html  # the notice is in French
    assert "pas encore disponible" in html
    assert re.search(r'<h1 lang="en">Domestic Workers Day English</h1>', html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status,attendance,schema_status,schema_mode",
    [
        ("scheduled", "in-person", "EventScheduled", "OfflineEventAttendanceMode"),
        ("postponed", "mixed", "EventPostponed", "MixedEventAttendanceMode"),
        ("cancelled", "in-person", "EventCancelled", "OfflineEventAttendanceMode"),
        ("moved-online", "in-person", "EventMovedOnline", "OnlineEventAttendanceMode"),
    ],
)
def test_event_json_ld_carries_status_and_attendance(
    client, events_index, status, attendance, schema_status, schema_mode
):
    event = factories.EventPageFactory(parent=events_index, status=status, attendance=attendance)
    html = public_page(client, event, "es")
    data = json_ld(html, "Event")
    assert data["eventStatus"] == f"https://schema.org/{schema_status}"
    assert data["eventAttendanceMode"] == f"https://schema.org/{schema_mode}"
    assert data["startDate"] == event.local_start.isoformat(timespec="minutes")
    assert data["startDate"].endswith("+00:00")  # Accra
    assert data["name"].endswith("Español")
    if status != "scheduled":
        assert event.get_status_display() in html or status == "scheduled"
    if status == "moved-online":
        assert data["location"]["@type"] == "VirtualLocation"
    elif attendance == "in-person":
        assert data["location"]["address"]["addressCountry"] == "GH"


@pytest.mark.django_db
def test_languages_of_the_event_and_registration(client, event):
    event.event_languages = [EventLanguage(language="en"), EventLanguage(language="sw")]
    event.registration_url = "https://example.org/register"
    event.save_revision().publish()
    html = public_page(client, event, "fr")
    assert "swahili" in html.lower()
    assert 'href="https://example.org/register"' in html
    assert json_ld(html, "Event")["inLanguage"] == ["en", "sw"]


@pytest.mark.django_db
def test_what_happened_is_shown_once_past(client, event, past_event):
    for page in (event, past_event):
        page.report_en = factories.paragraph("The assembly agreed on a platform.")
        page.recordings = [EventRecording(title="Recording", url="https://example.org/video", language="en")]
        page.save_revision().publish()
    upcoming_html = public_page(client, event, "en")
    assert "What happened" not in upcoming_html
    assert "agreed on a platform" not in upcoming_html
    past_html = public_page(client, past_event, "en")
    assert "What happened" in past_html
    assert "agreed on a platform" in past_html
    assert 'href="https://example.org/video"' in past_html
    assert "This event is over." in past_html


@pytest.mark.django_db
def test_cache_expires_at_the_next_end(events_index, event, past_event):
    later = factories.EventPageFactory(parent=events_index, days_from_now=90)
    assert EventPage.objects.get(pk=event.pk).cache_expires_at() == event.end
    assert EventPage.objects.get(pk=past_event.pk).cache_expires_at() is None
    assert events_index.cache_expires_at() == min(event.end, later.end)
    EventPage.objects.filter(pk__in=[event.pk, later.pk]).update(end=past_event.end)
    assert events_index.cache_expires_at() is None


@pytest.mark.django_db
def test_end_before_start_is_refused(events_index):
    start = datetime.datetime(2027, 5, 1, 10, tzinfo=AWARE)
    event = EventPage(title="Meeting", intro="Why", start=start, end=start - datetime.timedelta(hours=1))
    with pytest.raises(Exception, match="cannot end before"):
        event.clean()
