"""Site search: each language searches what a visitor reads in it (DESIGN.md, "Languages").

Pages are built with the factories and published as an editor would, so the index is kept by
the publishing signals. Stemming needs PostgreSQL's text-search configurations; those tests are
skipped on SQLite, whose simpler search matches by containment.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from tests import factories
from tests.helpers import url_in
from wiegosite import search
from wiegosite.models import SearchEntry, SearchPromotion

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Stemming uses PostgreSQL text-search configurations; SQLite matches by plain containment.",
)

RECYCLERS_BODY = {
    "en": "Waste pickers recycle cardboard in Pune.",
    "es": "Las recicladoras separan cartón en Bogotá.",
    "fr": "Les récupératrices trient le papier à Dakar.",
    "pt": "As catadoras separam papelão em Belo Horizonte.",
}
RESULT_LINK = re.compile(r'<h3 class="search-result__title"[^>]*><a href="([^"]+)">')


def publish(page):
    page.save_revision().publish()
    return page


def search_page(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


def found(client, language, query, **params):
    """Addresses of the results, in order."""
    return RESULT_LINK.findall(search_page(client, language, query, **params).content.decode())


def result_item(html, url):
    """The markup of the result that links to `url`."""
    for item in html.split('<li class="search-result')[1:]:
        if f'href="{url}"' in item:
            return item.split("</li>")[0]
    raise AssertionError(f"{url} is not among the results")


def recyclers_page(parent, **kwargs):
    body = {f"body_{code}": factories.paragraph(text) for code, text in RECYCLERS_BODY.items()}
    return publish(factories.StandardPageFactory(parent=parent, name="Recyclers", **body, **kwargs))


@pytest.fixture
def recyclers(home):
    return recyclers_page(home)


@pytest.fixture
def vendors(home):
    """A page never translated into Spanish."""
    return publish(
        factories.StandardPageFactory(
            parent=home,
            name="Street vendors",
            missing=("es",),
            body_en=factories.paragraph("Street vendors negotiate with the municipality of Durban."),
        )
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
    assert RESULT_LINK.findall(html) == [url_in(vendors, "es")]
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
    assert "wiegosite.StandardPage: 2 live pages" in out.getvalue()
    assert "Search index rebuilt: 3 pages, 12 entries." in out.getvalue()  # home, recyclers, vendors
    assert not SearchEntry.objects.filter(page=draft).exists()
    assert SearchEntry.objects.get(page=vendors, language="es").is_fallback
    assert not SearchEntry.objects.get(page=vendors, language="fr").is_fallback


# -- promotions ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_promoted_pages_come_first_in_their_language_only(client, home, recyclers):
    cooperatives = publish(factories.StandardPageFactory(parent=home, name="Cooperatives"))
    SearchPromotion.objects.create(query="  Economía   INFORMAL ", language="es", page=cooperatives)
    SearchPromotion.objects.create(query="cartón", language="es", page=cooperatives)
    # Capitals, accents and spaces do not matter; the page is shown even without matching.
    assert found(client, "es", "economia informal") == [url_in(cooperatives, "es")]
    html = search_page(client, "es", "cartón").content.decode()
    assert RESULT_LINK.findall(html) == [url_in(cooperatives, "es"), url_in(recyclers, "es")]
    assert "search-result--promoted" in result_item(html, url_in(cooperatives, "es"))
    assert 'class="search-result__promoted"' in result_item(html, url_in(cooperatives, "es"))
    assert "search-result--promoted" not in result_item(html, url_in(recyclers, "es"))
    # Other languages are not affected.
    assert found(client, "fr", "cartón") == []


@pytest.mark.django_db
def test_a_promoted_page_that_also_matches_is_listed_once(client, recyclers):
    SearchPromotion.objects.create(query="cardboard", language="en", page=recyclers)
    assert found(client, "en", "cardboard") == [url_in(recyclers, "en")]


@pytest.mark.django_db
def test_promotions_of_unpublished_pages_are_not_shown(client, home):
    page = publish(factories.StandardPageFactory(parent=home, name="Old"))
    SearchPromotion.objects.create(query="old", language="en", page=page)
    page.unpublish()
    assert found(client, "en", "old") == []


@pytest.mark.django_db
def test_editors_manage_promotions_in_the_admin(admin_client, recyclers):
    listing = admin_client.get("/admin/snippets/wiegosite/searchpromotion/")
    assert listing.status_code == 200
    add_url = "/admin/snippets/wiegosite/searchpromotion/add/"
    assert admin_client.get(add_url).status_code == 200
    response = admin_client.post(
        add_url, {"query": "Reciclaje", "language": "es", "page": recyclers.pk, "sort_order": 0}
    )
    assert response.status_code == 302
    promotion = SearchPromotion.objects.get()
    assert (promotion.normalised_query, promotion.language, promotion.page_id) == ("reciclaje", "es", recyclers.pk)


# -- the page: form, pagination, bad input ---------------------------------------------------------


@pytest.mark.django_db
def test_empty_search_shows_the_form_and_no_results(client, recyclers):
    response = client.get("/es/search/")
    assert response.status_code == 200
    html = response.content.decode()
    # The bare search page may be indexed; results pages may not.
    assert not re.search(r'<meta name="robots" content="noindex\b', html)
    assert "X-Robots-Tag" not in response
    results = client.get("/es/search/", {"q": "reciclaje"})
    assert re.search(r'<meta name="robots" content="noindex\b', results.content.decode())
    assert results["X-Robots-Tag"] == "noindex"
    assert 'action="/es/search/"' in html
    assert '<label for="search-page-query"' in html and 'id="search-page-query"' in html
    assert "search-result__title" not in html
    assert found(client, "es", "   ") == []


@pytest.mark.django_db
def test_every_page_has_the_search_form_in_its_header(client, recyclers):
    html = client.get(url_in(recyclers, "fr")).content.decode()
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    assert 'role="search"' in header
    assert 'action="/fr/search/"' in header
    assert '<label for="header-search"' in header and 'id="header-search" name="q"' in header


@pytest.mark.django_db
def test_language_switcher_keeps_the_search(client, recyclers):
    html = search_page(client, "es", "cartón").content.decode()
    assert 'href="/fr/search/?q=cart%C3%B3n"' in html
    assert 'href="/en/search/?q=cart%C3%B3n"' in html


@pytest.mark.django_db
def test_results_are_paginated_keeping_the_query(client, home):
    for number in range(12):
        publish(factories.StandardPageFactory(parent=home, name=f"Vendors {number}"))
    first = search_page(client, "en", "vendors").content.decode()
    assert len(RESULT_LINK.findall(first)) == search.RESULTS_PER_PAGE
    assert "12 results for" in first
    assert "q=vendors&amp;page=2" in first
    second = RESULT_LINK.findall(search_page(client, "en", "vendors", page="2").content.decode())
    assert len(second) == 2
    assert not set(second) & set(RESULT_LINK.findall(first))
    assert found(client, "en", "vendors", page="abc") == RESULT_LINK.findall(first)
    assert found(client, "en", "vendors", page="999") == second


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "cardboard\x00",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "!(&|:* <-> ''",
        '"unbalanced',
        "a & b | !c",
        "-",
        "*",
        "\\",
        "%_%",
        "👩🏽‍🌾 trabajadora",
        "عمال",
        "\ufeff\u200b\ud7ff",
    ],
)
def test_odd_queries_give_a_normal_page(client, recyclers, query):
    for language in ["en", "es", "fr", "pt"]:  # each language searches with its own configuration
        response = client.get(f"/{language}/search/", {"q": query})
        assert response.status_code == 200, language
        assert "<script>alert(1)</script>" not in response.content.decode(), language


@pytest.mark.django_db
def test_odd_query_strings_give_a_normal_page(client, recyclers):
    for query_string in ["q=%ff%fe", "q=cardboard&q=zzz", "q=cardboard&page=abc", "q=cardboard&page=-1", "page=2", "q"]:
        assert client.get(f"/en/search/?{query_string}").status_code == 200, query_string
    assert client.get("/en/search/?q=zzz&q=cardboard").status_code == 200


@pytest.mark.django_db
def test_very_long_queries_are_shortened_and_say_so(client, recyclers):
    response = client.get("/en/search/", {"q": "cardboard " + "x" * 10_000})
    assert response.status_code == 200
    html = response.content.decode()
    assert "only its first 200 characters were used" in html
    assert f'value="cardboard {"x" * 190}"' in html
    assert "x" * 201 not in html


def test_clean_query():
    assert search.clean_query("  informal \t\n workers\x00 ") == ("informal workers", False)
    assert search.clean_query("a" * 201) == ("a" * 200, True)
    assert search.clean_query("\x00\x01") == ("", False)


# -- cost ---------------------------------------------------------------------------------------------

QUERY_BUDGET = 20


@pytest.mark.django_db
def test_search_costs_the_same_number_of_queries_however_many_results(client, django_assert_max_num_queries, home):
    library = factories.PublicationIndexPageFactory(parent=home, name="Library")
    programmes = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes")

    def add_pages(count, offset):
        for number in range(offset, offset + count):
            publish(factories.StandardPageFactory(parent=home, name=f"Domestic {number}"))
            publish(factories.PublicationPageFactory(parent=library, name=f"Domestic paper {number}"))
            publish(factories.ProgrammePageFactory(parent=programmes, name=f"Domestic programme {number}"))

    def queries_for_search():
        with CaptureQueriesContext(connection) as captured:
            assert search_page(client, "es", "domestic")
        return len(captured)

    add_pages(1, 0)
    SearchPromotion.objects.create(query="domestic", language="es", page=library)
    with django_assert_max_num_queries(QUERY_BUDGET):
        search_page(client, "es", "domestic")
    few = queries_for_search()

    add_pages(10, 1)
    with django_assert_max_num_queries(QUERY_BUDGET):
        html = search_page(client, "es", "domestic").content.decode()
    assert len(RESULT_LINK.findall(html)) == search.RESULTS_PER_PAGE + 1  # the promotion, then a full page
    assert queries_for_search() <= few  # one query per page type shown, at most
