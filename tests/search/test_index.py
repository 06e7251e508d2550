"""The search index: each language searches what a visitor reads in it (DESIGN.md, "Languages"),
and the index follows publishing.

Pages are built with the factories and published as an editor would, so the index is kept by
the publishing signals. Stemming needs PostgreSQL's text-search configurations; those tests are
skipped on SQLite, whose simpler search matches by containment.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from wagtail.models import PageViewRestriction

from core import search_index as search
from core.models import SearchEntry
from tests import factories
from tests.helpers import (
    SEARCH_RESULT_LINK,
    found,
    publish,
    recyclers_page,
    result_item,
    search_page,
    url_in,
)

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Stemming uses PostgreSQL text-search configurations; SQLite matches by plain containment.",
)


# -- each language searches its own text ---------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language,word,other_word",
    [
        ("en", "cardboard", "cartón"),
        ("es", "cartón", "cardboard"),
        ("fr", "Dakar", "Pune"),
        ("pt", "papelão", "Bogotá"),
    ],
)
def test_search_finds_a_page_by_its_text_in_the_visitors_language(client, recyclers, language, word, other_word):
    assert found(client, language, word) == [url_in(recyclers, language)]
    # A word of another language's text is not found here: the page has this language.
    assert found(client, language, other_word) == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_search_finds_titles_and_teasers(client, home, language):
    page = publish(
        factories.StandardPageFactory(
            parent=home, name="Zanzibar", **{f"teaser_{language}": "Seaweed farmers of the islands"}
        )
    )
    assert found(client, language, f"Zanzibar {factories.LANGUAGE_WORDS[language]}") == [url_in(page, language)]
    assert found(client, language, "seaweed") == [url_in(page, language)]


@pytest.mark.django_db
def test_a_page_with_spanish_is_never_found_on_es_by_its_english_text(client, recyclers):
    assert found(client, "en", "cardboard") == [url_in(recyclers, "en")]
    assert found(client, "es", "cardboard") == []
    assert found(client, "es", "Pune") == []
    assert SearchEntry.objects.get(page=recyclers, language="es").is_fallback is False


@pytest.mark.django_db
def test_an_untranslated_page_is_found_on_es_by_its_english_text_and_labelled(client, vendors, recyclers):
    html = search_page(client, "es", "municipality").content.decode()
    assert SEARCH_RESULT_LINK.findall(html) == [url_in(vendors, "es")]
    item = result_item(html, url_in(vendors, "es"))
    assert 'class="search-result__language"' in item
    assert 'lang="en"' in item  # the English title is marked as English
    # Pages that have Spanish carry no such label.
    html = search_page(client, "es", "cartón").content.decode()
    assert "search-result__language" not in result_item(html, url_in(recyclers, "es"))
    # In French the page has its own text: the English words do not find it there.
    assert found(client, "fr", "municipality") == []


@pytest.mark.django_db
def test_the_body_is_indexed_block_by_block(client, home):
    body = [
        {"type": "paragraph", "value": "<p>Alpha<b>bravo</b></p><p>charlie &amp; delta</p>"},
        {"type": "heading", "value": {"text": "Echo heading", "level": "h2"}},
        {"type": "quote", "value": {"text": "Foxtrot quote", "attribution": "Golf Person"}},
        {"type": "key_figures", "value": [{"figure": "61%", "label": "Hotel workers"}]},
        {
            "type": "call_to_action",
            "value": {
                "heading": "India call",
                "text": "Juliet text",
                "page": None,
                "url": "https://example.org/kilo",
                "link_text": "Lima link",
            },
        },
    ]
    page = publish(factories.StandardPageFactory(parent=home, name="Blocks", body_en=body))
    expected = [url_in(page, "en")]
    for word in ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "lima"]:
        assert found(client, "en", word) == expected, word
    assert found(client, "en", "alphabravo") == []  # tags separate words
    assert found(client, "en", "kilo") == []  # addresses are not text


@pytest.mark.django_db
def test_every_page_type_is_searchable(client, site_tree):
    for page in site_tree.values():
        publish(page)
    impact, publication = site_tree["impact"], site_tree["publication"]
    assert url_in(impact, "fr") in found(client, "fr", "Outcome of Ghana Dialogue")
    assert url_in(publication, "pt") in found(client, "pt", "Summary of Working Paper")
    assert url_in(publication, "es") in found(client, "es", f"Series {publication.series.key} es")
    assert url_in(site_tree["initiative"], "en") in found(client, "en", "Partner")
    assert url_in(site_tree["home"], "es") in found(client, "es", "Hero statement")


# -- grammar (PostgreSQL) and ranking -------------------------------------------------------------------


@postgres_only
@pytest.mark.django_db
@pytest.mark.parametrize(
    "language,text,query",
    [
        ("es", "Las trabajadoras del hogar se organizan.", "trabajadora"),
        ("fr", "Les travailleuses domestiques s'organisent.", "travailleuse"),
        ("pt", "As trabalhadoras domésticas se organizam.", "trabalhadora"),
        ("en", "Home workers organised.", "organising"),
    ],
)
def test_queries_follow_the_grammar_of_the_language(client, home, language, text, query):
    page = publish(
        factories.StandardPageFactory(parent=home, name="Organising", **{f"body_{language}": factories.paragraph(text)})
    )
    assert found(client, language, query) == [url_in(page, language)]


@postgres_only
@pytest.mark.django_db
def test_english_fallback_is_matched_with_english_grammar(client, vendors):
    assert found(client, "es", "negotiating") == [url_in(vendors, "es")]


@pytest.mark.django_db
def test_titles_rank_above_text(client, home):
    in_text = publish(
        factories.StandardPageFactory(parent=home, name="Other", body_en=factories.paragraph("About cooperatives."))
    )
    in_title = publish(factories.StandardPageFactory(parent=home, name="Cooperatives"))
    assert found(client, "en", "cooperatives") == [url_in(in_title, "en"), url_in(in_text, "en")]


# -- the index follows publishing ---------------------------------------------------------------


@pytest.mark.django_db
def test_drafts_are_not_searchable_until_published(client, recyclers):
    recyclers.body_en = factories.paragraph("Waste pickers sort plastic in Pune.")
    recyclers.save_revision()
    assert found(client, "en", "plastic") == []
    assert found(client, "en", "cardboard") == [url_in(recyclers, "en")]
    recyclers.get_latest_revision().publish()
    assert found(client, "en", "plastic") == [url_in(recyclers, "en")]
    assert found(client, "en", "cardboard") == []


@pytest.mark.django_db
def test_publishing_from_a_spanish_admin_indexes_each_language_with_its_own_text(client, recyclers):
    with translation.override("es"):
        recyclers.save_revision().publish()
    assert found(client, "en", "cardboard") == [url_in(recyclers, "en")]
    assert found(client, "es", "cardboard") == []
    assert found(client, "es", "cartón") == [url_in(recyclers, "es")]


@pytest.mark.django_db
def test_unpublishing_removes_a_page_from_results(client, recyclers):
    recyclers.unpublish()
    for language, word in [("en", "cardboard"), ("es", "cartón")]:
        assert found(client, language, word) == []
    assert not SearchEntry.objects.filter(page=recyclers).exists()


@pytest.mark.django_db
def test_moving_a_page_keeps_results_right(client, home):
    first = publish(factories.StandardPageFactory(parent=home, name="Section one"))
    second = publish(factories.StandardPageFactory(parent=home, name="Section two"))
    page = recyclers_page(first)
    assert found(client, "es", "cartón") == [url_in(page, "es")]
    page.move(second, pos="last-child")
    page.refresh_from_db()
    for language, word in [("en", "cardboard"), ("es", "cartón")]:
        urls = found(client, language, word)
        assert urls == [url_in(page, language)]
        assert url_in(second, language) in urls[0]


@pytest.mark.django_db
def test_deleting_a_page_removes_it_from_results(client, home):
    section = publish(factories.StandardPageFactory(parent=home, name="Section"))
    page = recyclers_page(section)
    section.delete()
    assert found(client, "en", "cardboard") == []
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()


@pytest.mark.django_db
def test_an_alias_does_not_repeat_its_original_in_results(client, home, recyclers):
    section = publish(factories.StandardPageFactory(parent=home, name="Section"))
    alias = recyclers.create_alias(parent=section, update_slug="recyclers-alias")
    assert alias.live
    search.index_page(alias)  # as when the original is published again and its aliases follow
    assert found(client, "en", "cardboard") == [url_in(recyclers, "en")]
    search.rebuild_index()
    assert found(client, "en", "cardboard") == [url_in(recyclers, "en")]


@pytest.mark.django_db
def test_private_pages_are_not_found(client, recyclers):
    PageViewRestriction.objects.create(page=recyclers, restriction_type="password", password="secret")
    assert found(client, "en", "cardboard") == []


@pytest.mark.django_db
def test_rebuild_command_indexes_every_live_page_in_every_language(home, recyclers, vendors):
    draft = factories.StandardPageFactory(parent=home, name="Draft", live=False)
    SearchEntry.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "standard_pages.StandardPage: 2 live pages" in out.getvalue()
    assert "Search index rebuilt: 3 pages, 12 entries." in out.getvalue()  # home, recyclers, vendors
    assert not SearchEntry.objects.filter(page=draft).exists()
    assert SearchEntry.objects.get(page=vendors, language="es").is_fallback
    assert not SearchEntry.objects.get(page=vendors, language="fr").is_fallback
