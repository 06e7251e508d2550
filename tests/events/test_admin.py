"""An editor creates and publishes the events page and an event through the real admin, with
the four languages filled, typing the times on the event's own clock."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from events.models import EventIndexPage, EventPage
from tests import factories
from tests.helpers import LANGUAGES, add_url, edit_url, editor_paragraph, form_errors, post_form, url_in

WORD = factories.LANGUAGE_WORDS
UTC = datetime.UTC


def four_languages(label, *fields):
    changes = {}
    for code in LANGUAGES:
        changes[f"title_{code}"] = f"{label} {WORD[code]}"
        changes[f"slug_{code}"] = slugify(f"{label} {code}")
        changes.update({f"{field}_{code}": f"{label} {field} {WORD[code]}" for field in fields})
        changes.update(nested_form_data({f"body_{code}": editor_paragraph(f"{label} body {WORD[code]}")}))
    return changes


@pytest.mark.django_db
def test_editor_creates_and_publishes_an_event_in_four_languages(admin_client, home):
    response = post_form(admin_client, add_url(EventIndexPage, home), four_languages("Events", "intro"))
    assert response.status_code == 302, form_errors(response)
    index = EventIndexPage.objects.get()

    changes = four_languages("Vendors Forum", "intro", "venue", "city", "teaser")
    changes.update(
        {
            # Typed on the Paris clock, the evening before summer time begins there.
            "start": "2027-03-27 20:00",
            "end": "2027-03-28 10:00",
            "time_zone": "Europe/Paris",
            "status": "scheduled",
            "attendance": "mixed",
            "country": "FR",
            "registration_url": "https://example.org/register",
        }
    )
    changes.update(nested_form_data({"event_languages": inline_formset([{"language": "fr"}, {"language": "en"}])}))
    response = post_form(admin_client, add_url(EventPage, index), changes)

    assert response.status_code == 302, form_errors(response)
    event = EventPage.objects.get()
    assert event.live and not event.has_unpublished_changes
    assert event.start == datetime.datetime(2027, 3, 27, 19, 0, tzinfo=UTC)
    assert event.end == datetime.datetime(2027, 3, 28, 8, 0, tzinfo=UTC)
    assert event.display_date == datetime.date(2027, 3, 27)
    assert [link.language for link in event.event_languages.all()] == ["fr", "en"]
    for code in LANGUAGES:
        assert event.__dict__[f"intro_{code}"] == f"Vendors Forum intro {WORD[code]}"
        html = admin_client.get(url_in(event, code)).content.decode()
        assert f"Vendors Forum {WORD[code]}</h1>" in html
        assert f"Vendors Forum venue {WORD[code]}" in html
        assert f"Vendors Forum body {WORD[code]}" in html

    # Opened again, the form shows the times on the event's clock, and saving keeps them.
    form = BeautifulSoup(admin_client.get(edit_url(event)).content, "html.parser")
    assert form.find("input", attrs={"name": "start"})["value"] == "2027-03-27 20:00"
    response = post_form(admin_client, edit_url(event), {"status": "cancelled"})
    assert response.status_code == 302, form_errors(response)
    event = EventPage.objects.get()
    assert event.status == "cancelled"
    assert event.start == datetime.datetime(2027, 3, 27, 19, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_an_event_that_ends_before_it_starts_is_refused(admin_client, home):
    index = factories.EventIndexPageFactory(parent=home, name="Events")
    changes = four_languages("Backwards", "intro")
    changes.update({"start": "2027-05-01 10:00", "end": "2027-05-01 09:00", "time_zone": "Africa/Accra"})
    response = post_form(admin_client, add_url(EventPage, index), changes)
    assert response.status_code == 200
    assert any("cannot end before" in error for error in form_errors(response))
