"""The search page: promotions, the form, pagination, bad input, its cost in queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import query as search_query
from search.models import SearchPromotion
from tests import factories
from tests.helpers import SEARCH_RESULT_LINK, found, publish, result_item, search_page, url_in

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Stemming uses PostgreSQL text-search configurations; SQLite matches by plain containment.",
)


# -- promotions ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_promoted_pages_come_first_in_their_language_only(client, home, recyclers):
    cooperatives = publish(factories.StandardPageFactory(parent=home, name="Cooperatives"))
    SearchPromotion.objects.create(query="  Economía   INFORMAL ", language="es", page=cooperatives)
    SearchPromotion.objects.create(query="cartón", language="es", page=cooperatives)
    # Capitals, accents and spaces do not matter; the page is shown even without matching.
    assert found(client, "es", "economia informal") == [url_in(cooperatives, "es")]
    html = search_page(client, "es", "cartón").content.decode()
    assert SEARCH_RESULT_LINK.findall(html) == [url_in(cooperatives, "es"), url_in(recyclers, "es")]
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
    listing = admin_client.get("/admin/snippets/search/searchpromotion/")
    assert listing.status_code == 200
    add_url = "/admin/snippets/search/searchpromotion/add/"
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
    assert len(SEARCH_RESULT_LINK.findall(first)) == search_query.RESULTS_PER_PAGE
    assert "12 results for" in first
    assert "q=vendors&amp;page=2" in first
    second = SEARCH_RESULT_LINK.findall(search_page(client, "en", "vendors", page="2").content.decode())
    assert len(second) == 2
    assert not set(second) & set(SEARCH_RESULT_LINK.findall(first))
    assert found(client, "en", "vendors", page="abc") == SEARCH_RESULT_LINK.findall(first)
    assert found(client, "en", "vendors", page="999") == second


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
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
def test_odd_queries_give_a_normal_page(client, recyclers, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


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
    assert len(SEARCH_RESULT_LINK.findall(html)) == search_query.RESULTS_PER_PAGE + 1  # the promotion, then a full page
    assert queries_for_search() <= few  # one query per page type shown, at most
