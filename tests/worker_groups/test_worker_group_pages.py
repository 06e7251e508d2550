"""A worker group's page: definition, who and where, risks, key figures with their source, the
organisations that represent the group, featured resources, then everything tagged with it."""

import datetime
import re

import pytest
from defusedxml import ElementTree as ET
from django.urls import reverse
from django.utils import translation

from tests import factories
from tests.helpers import LANGUAGES, card_titles, switcher_hrefs, url_in


@pytest.fixture
def groups(home):
    index = factories.WorkerGroupIndexPageFactory(parent=home, name="Worker groups")
    vendors = factories.WorkerGroupPageFactory(parent=index, name="Street vendors", items_per_page=2)
    pickers = factories.WorkerGroupPageFactory(parent=index, name="Waste pickers", missing=("fr",))
    library = factories.PublicationIndexPageFactory(parent=home, name="Library")
    impact = factories.ImpactIndexPageFactory(parent=home, name="Impact")
    brief = factories.PublicationPageFactory(parent=library, name="Vending law", display_date=datetime.date(2021, 1, 1))
    story = factories.ImpactStoryPageFactory(
        parent=impact, name="Vending zones", display_date=datetime.date(2019, 1, 1)
    )
    page = factories.StandardPageFactory(parent=home, name="Markets", display_date=datetime.date(2015, 1, 1))
    for tagged in (brief, story, page):
        factories.tag_worker_groups(tagged, vendors)
    factories.tag_worker_groups(factories.PublicationPageFactory(parent=library, name="Recycling"), pickers)
    vendors.featured_resources.create(resource=brief)
    vendors.save_revision().publish()
    return {"index": index, "vendors": vendors, "pickers": pickers, "brief": brief}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_group_page_in_every_language(client, groups, language):
    word = factories.LANGUAGE_WORDS[language]
    response = client.get(url_in(groups["vendors"], language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert f"Street vendors {word}</h1>" in html
    assert f"Definition of Street vendors in {language}" in html
    assert f"Risks of Street vendors in {word}" in html
    assert f"share {language}" in html and "ILO (2018)" in html
    assert set(switcher_hrefs(html)) == set(LANGUAGES)
    # Featured, then everything tagged with the group, newest first, two to a page.
    assert card_titles(html) == [f"Vending law {word}", f"Vending law {word}", f"Vending zones {word}"]
    assert 'class="listing-count">3 ' in html


@pytest.mark.django_db
def test_a_group_lacking_a_language_falls_back_to_english(client, groups):
    html = client.get(url_in(groups["pickers"], "fr")).content.decode()
    assert '<h1 lang="en">Waste pickers English</h1>' in html
    assert "fr" not in switcher_hrefs(html) or switcher_hrefs(html)["fr"]
    assert 'class="notice' in html


@pytest.mark.django_db
def test_kind_filter_and_bad_values(client, groups):
    url = url_in(groups["vendors"], "en")
    html = client.get(url, {"type": "impact-story"}).content.decode()
    assert card_titles(html)[-1:] == ["Vending zones English"]
    assert 'value="impact-story" checked' in html
    response = client.get(url, {"type": "<script>", "page": "x"})
    assert response.status_code == 200
    assert 'class="notice" role="status"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_group_feed_per_language(client, groups, language):
    with translation.override(language):
        url = reverse("tagged_feed", kwargs={"pk": groups["pickers"].pk, "fmt": "rss"})
    response = client.get(url)
    assert response.status_code == 200
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
    assert titles == [f"Recycling {factories.LANGUAGE_WORDS[language]}"]
    html = client.get(url_in(groups["vendors"], language)).content.decode()
    assert f'href="/{language}/feeds/tagged/{groups["vendors"].pk}/rss/"' in html


@pytest.mark.django_db
def test_tagged_pages_show_their_worker_groups(client, groups):
    html = client.get(url_in(groups["brief"], "es")).content.decode()
    assert "Grupo(s) de trabajadores:" in html
    assert f'<a href="{url_in(groups["vendors"], "es")}">Street vendors Español</a>' in html


@pytest.mark.django_db
def test_index_lists_the_groups(client, groups):
    html = client.get(url_in(groups["index"], "pt")).content.decode()
    assert card_titles(html) == ["Street vendors Português", "Waste pickers Português"]


@pytest.mark.django_db
def test_every_page_type_has_a_worker_group_tag_panel(admin_client, groups):
    for page in (groups["brief"], groups["index"]):
        html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        assert re.search(r'id="id_worker_group_tags-TOTAL_FORMS"', html), page


@pytest.mark.django_db
def test_group_pages_are_in_search_and_sitemap(client, groups):
    from core import search_index

    search_index.rebuild_index()
    html = client.get("/es/search/", {"q": "Street vendors"}).content.decode()
    assert url_in(groups["vendors"], "es") in html
    sitemap = client.get("/sitemap.xml").content.decode()
    assert url_in(groups["vendors"], "pt") in sitemap
    assert url_in(groups["pickers"], "fr") not in sitemap
