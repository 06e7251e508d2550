"""The events page: upcoming events at its address, past ones under a translated segment; each
event moves to the past at its end by itself; filters by taxonomy and year; flat query counts."""

import datetime

import pytest
from django.db.models.signals import post_save
from django.utils import timezone
from factory.django import mute_signals

from events.models import EventPage
from tests import factories
from tests.helpers import LANGUAGES, card_titles, case, switcher_hrefs, url_in

PAST = {"en": "past", "es": "pasados", "fr": "passes", "pt": "passados"}


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.mark.django_db
def test_upcoming_and_past_listings_in_each_language(client, events_index, event, past_event):
    for language in LANGUAGES:
        with case(language):
            upcoming_url = url_in(events_index, language)
            past_url = f"{upcoming_url}{PAST[language]}/"
            upcoming = get(client, upcoming_url)
            past = get(client, past_url)
            assert f'<html lang="{language}"' in past
            assert card_titles(upcoming) == [f"Street Vendors Forum {factories.LANGUAGE_WORDS[language]}"]
            assert len(card_titles(past)) == 1 and "Waste Pickers Assembly" in card_titles(past)[0]
            # The switcher, canonical and alternates name the past listing in every language.
            assert switcher_hrefs(past) == {code: f"{url_in(events_index, code)}{PAST[code]}/" for code in LANGUAGES}
            assert f'<link rel="canonical" href="http://testserver{past_url}">' in past
            assert f'hreflang="pt" href="http://testserver{url_in(events_index, "pt")}passados/"' in past


@pytest.mark.django_db
def test_another_languages_past_segment_redirects(client, events_index):
    response = client.get(f"{url_in(events_index, 'es')}past/?year=2024")
    assert response.status_code == 301
    assert response["Location"] == f"{url_in(events_index, 'es')}pasados/?year=2024"


@pytest.mark.django_db
def test_an_event_moves_to_the_past_at_its_end_by_itself(client, events_index, event):
    assert "Street Vendors Forum" in get(client, url_in(events_index, "en"))
    # Time passes: no save, no publish, nothing stored changes but the clock.
    later = event.end + datetime.timedelta(seconds=1)
    assert list(events_index.upcoming_events(now=later)) == []
    assert list(events_index.past_events(now=later)) == [EventPage.objects.get(pk=event.pk)]
    running = event.end - datetime.timedelta(minutes=5)
    assert list(events_index.upcoming_events(now=running)) == [EventPage.objects.get(pk=event.pk)]
    # Seen from the site: once its end is behind the clock it is listed as past.
    EventPage.objects.filter(pk=event.pk).update(
        start=timezone.now() - datetime.timedelta(hours=2), end=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert "Street Vendors Forum" not in get(client, url_in(events_index, "en"))
    assert "Street Vendors Forum" in get(client, f"{url_in(events_index, 'en')}past/")


@pytest.mark.django_db
def test_filters_by_programme_region_and_year(client, home, events_index):
    programme_index = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes")
    programme = factories.ProgrammePageFactory(parent=programme_index, name="Social Protection")
    region = factories.RegionFactory(key="africa")
    region.save_revision().publish()
    tagged = factories.EventPageFactory(parent=events_index, name="Tagged", days_from_now=10)
    factories.tag(tagged, programme)
    from places.models import PageRegion

    tagged.region_tags = [PageRegion(region=region)]
    tagged.save_revision().publish()
    factories.EventPageFactory(parent=events_index, name="Other", days_from_now=400)
    url = url_in(events_index, "es")
    assert len(card_titles(get(client, url))) == 2
    assert [t.split()[0] for t in card_titles(get(client, url, programmes=programme.pk))] == ["Tagged"]
    assert [t.split()[0] for t in card_titles(get(client, url, regions="africa"))] == ["Tagged"]
    year = (timezone.now() + datetime.timedelta(days=400)).year
    if year != tagged.start.year:
        assert [t.split()[0] for t in card_titles(get(client, url, year=year))] == ["Other"]
    # Filters are kept by the language switcher.
    html = get(client, url, regions="africa")
    assert switcher_hrefs(html)["fr"] == f"{url_in(events_index, 'fr')}?regions=africa"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"programmes": "abc"},
        {"programmes": "99999999"},
        {"regions": "atlantis"},
        {"year": "20x4"},
        {"year": "99999"},
        {"worker_groups": "%00"},
        {"page": "-3"},
        {"programmes": "1" * 40},
    ],
)
def test_bad_filter_values_give_a_message_not_an_error(client, events_index, event, params):
    for url in (url_in(events_index, "fr"), f"{url_in(events_index, 'fr')}passes/"):
        response = client.get(url, params)
        assert response.status_code == 200
        if "page" not in params and "worker_groups" not in params:
            assert "ont été ignorés" in response.content.decode() or "ignor" in response.content.decode()


@pytest.mark.django_db
def test_empty_parameters_redirect_to_the_clean_address(client, events_index):
    url = url_in(events_index, "en")
    response = client.get(url, {"programmes": "", "year": ""})
    assert response.status_code == 302
    assert response["Location"] == url


def make_events(index, count, *, past=False, first=0):
    now = timezone.now()
    pages = []
    for n in range(first, first + count):
        start = now + datetime.timedelta(days=(-n - 2) if past else (n + 2))
        pages.append(
            EventPage(
                title=f"Event {n}",
                title_en=f"Event {n}",
                slug=f"event-{n}-{'p' if past else 'u'}",
                slug_en=f"event-{n}-{'p' if past else 'u'}",
                intro_en="Why",
                start=start,
                end=start + datetime.timedelta(hours=2),
                time_zone="Europe/Paris",
                live=True,
            )
        )
    # Test data, not an editor's work: without the search index and translation status receivers.
    with mute_signals(post_save):
        for page in pages:
            index.add_child(instance=page)
    return pages


@pytest.mark.django_db
@pytest.mark.slow
def test_listing_queries_stay_flat(client, events_index, django_assert_max_num_queries):
    make_events(events_index, 10)
    make_events(events_index, 10, past=True)
    url = url_in(events_index, "es")
    client.get(url)  # warm the site root cache
    counts = {}
    for size in (10, 1000):
        if size == 1000:
            make_events(events_index, 990, first=10)
        for path in (url, f"{url}pasados/"):
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as queries:
                assert client.get(path, {"page": "2"}).status_code == 200
            counts[(size, path)] = len(queries)
    assert counts[(1000, url)] == counts[(10, url)]
    with django_assert_max_num_queries(counts[(10, url)]):
        client.get(url)
