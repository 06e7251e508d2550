"""Focal city pages: an introduction, the local coordinator as entered, the city's region and
country (named in the visitor's language), then everything tagged with the city."""

import datetime

import pytest
from defusedxml import ElementTree as ET
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from wagtail.test.utils.form_data import nested_form_data

from places.models import CityPage
from tests import factories
from tests.helpers import LANGUAGES, add_url, card_titles, editor_paragraph, form_errors, post_form, url_in

WORD = factories.LANGUAGE_WORDS
COUNTRY = {"en": "South Africa", "es": "Sudáfrica", "fr": "Afrique du Sud", "pt": "África do Sul"}


@pytest.fixture
def cities(home):
    africa = factories.RegionFactory(
        key="africa", name_en="Africa", name_es="África", name_fr="Afrique", name_pt="África"
    )
    index = factories.CityIndexPageFactory(parent=home, name="Focal cities")
    durban = factories.CityPageFactory(parent=index, name="Durban", country="ZA", region=africa, items_per_page=2)
    lima = factories.CityPageFactory(parent=index, name="Lima", country="PE", missing=("pt",))
    library = factories.PublicationIndexPageFactory(parent=home, name="Library")
    for number, date in enumerate([datetime.date(2018, 1, 1), datetime.date(2020, 1, 1), datetime.date(2019, 1, 1)]):
        brief = factories.PublicationPageFactory(parent=library, name=f"Market brief {number}", display_date=date)
        factories.tag_cities(brief, durban)
    factories.tag_cities(factories.StandardPageFactory(parent=home, name="Lima markets"), lima)
    return {"index": index, "durban": durban, "lima": lima}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_city_page_in_every_language(client, cities, language):
    html = client.get(url_in(cities["durban"], language)).content.decode()
    assert f'<html lang="{language}"' in html
    assert f"Durban {WORD[language]}</h1>" in html
    assert f"<dd>{COUNTRY[language]}</dd>" in html
    assert f"Abena Owusu, <span>Coordinator {WORD[language]}</span>" in html
    assert card_titles(html) == [f"Market brief 1 {WORD[language]}", f"Market brief 2 {WORD[language]}"]
    assert 'class="listing-count">3 ' in html
    assert f'href="/{language}/feeds/tagged/{cities["durban"].pk}/rss/"' in html


@pytest.mark.django_db
def test_a_city_lacking_a_language_falls_back(client, cities):
    html = client.get(url_in(cities["lima"], "pt")).content.decode()
    assert '<h1 lang="en">Lima English</h1>' in html
    assert "<dd>Peru</dd>" in html


@pytest.mark.django_db
def test_bad_kind_gives_a_message_and_feed_per_language(client, cities):
    response = client.get(url_in(cities["durban"], "fr"), {"type": "nope", "page": "999"})
    assert response.status_code == 200
    assert 'class="notice" role="status"' in response.content.decode()
    with translation.override("pt"):
        feed = client.get(reverse("tagged_feed", kwargs={"pk": cities["lima"].pk, "fmt": "rss"}))
    assert [item.findtext("title") for item in ET.fromstring(feed.content).iter("item")] == ["Lima markets Português"]


@pytest.mark.django_db
def test_the_index_lists_the_cities(client, cities):
    html = client.get(url_in(cities["index"], "es")).content.decode()
    assert card_titles(html) == ["Durban Español", "Lima Español"]


@pytest.mark.django_db
def test_editor_creates_and_publishes_a_city_in_four_languages(admin_client, cities):
    africa = cities["durban"].region
    changes = {"key": "dakar", "country": "SN", "region": africa.pk, "coordinator_name": "Moussa Ndiaye"}
    for code in LANGUAGES:
        changes[f"title_{code}"] = f"Dakar {WORD[code]}"
        changes[f"slug_{code}"] = slugify(f"dakar {code}")
        changes[f"intro_{code}"] = f"Dakar intro {WORD[code]}"
        changes[f"coordinator_role_{code}"] = f"Role {WORD[code]}"
        changes.update(nested_form_data({f"body_{code}": editor_paragraph(f"Dakar body {WORD[code]}")}))
    response = post_form(admin_client, add_url(CityPage, cities["index"]), changes)
    assert response.status_code == 302, form_errors(response)
    city = CityPage.objects.get(key="dakar")
    assert city.live and city.country == "SN" and city.region == africa
    for code in LANGUAGES:
        html = admin_client.get(url_in(city, code)).content.decode()
        assert f"Dakar {WORD[code]}</h1>" in html
        assert f"Role {WORD[code]}" in html
        assert f"Dakar body {WORD[code]}" in html
