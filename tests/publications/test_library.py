"""The library's filters, counts, sorting and pagination, through real requests."""

import re

import pytest

from core import search_index as search
from places.models import PageRegion, Region
from publications.filters import MAX_QUERY_LENGTH
from tests import factories
from tests.helpers import card_titles, case, url_in


def count_of(html, facet, value):
    match = re.search(rf'for="f-{facet}-{value}">[^<]*<span class="filters__count">\((\d+)\)', html)
    return int(match.group(1))


def total(html):
    return int(re.search(r'id="results-heading"[^>]*>(\d+)', html).group(1))


def get(client, library, lang="en", **params):
    response = client.get(url_in(library["library"], lang), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_unfiltered_library_lists_everything_newest_first(client, library):
    html = get(client, library, page=1)
    assert total(html) == 5
    assert card_titles(html) == ["Counting workers English", "Child care English"]
    assert "Page 1 of 3" in html


FILTER_CASES = [
    ({"series": "working-paper"}, {"Health insurance", "Counting workers", "African cities"}),
    ({"region": "asia"}, {"Counting workers"}),
    ({"year": "2015"}, {"Vendors in Lima", "African cities"}),
    ({"language": "es"}, {"Child care", "Counting workers", "Vendors in Lima"}),
    ({"series": "wiego-brief", "year": "2017"}, {"Child care"}),
    (
        {"series": ["wiego-brief", "working-paper"], "region": "africa"},
        {"Child care", "Health insurance", "African cities"},
    ),
    ({"language": ["fr", "pt"], "year": ["2015", "2017"]}, {"Child care", "African cities"}),
]


@pytest.mark.django_db
def test_filters_and_combinations(client, library):
    # The cases in one test: building the library costs far more than checking a page.
    for params, expected in FILTER_CASES:
        with case(params):
            found = set()
            for number in (1, 2, 3):
                html = get(client, library, **params, page=number)
                found |= {title.rsplit(" ", 1)[0] for title in card_titles(html)}
            assert found == expected
            assert total(html) == len(expected)


@pytest.mark.django_db
def test_programme_filter_uses_language_neutral_ids(client, library):
    html = get(client, library, "es", programme=str(library["statistics"].pk))
    assert total(html) == 3
    assert f'value="{library["statistics"].pk}" checked' in html


@pytest.mark.django_db
def test_file_language_filter_finds_an_english_page_with_a_french_file(client, library):
    html = get(client, library, "en", language="fr", year="2015")
    assert card_titles(html) == ["African cities English"]
    # The page has no French text: on /fr/ it is listed in English, marked as such.
    html = get(client, library, "fr", language="fr", year="2015")
    assert '<h3 class="card__title" lang="en">' in html


@pytest.mark.django_db
def test_counts_next_to_each_option_are_facet_counts(client, library):
    html = get(client, library, series="working-paper")
    # Other options of the chosen facet count as if chosen instead.
    assert count_of(html, "series", "wiego-brief") == 2
    assert count_of(html, "series", "working-paper") == 3
    # Options of other facets count within the working papers.
    assert count_of(html, "region", "africa") == 2
    assert count_of(html, "year", "2017") == 1
    assert count_of(html, "language", "fr") == 1
    assert count_of(html, "programme", library["statistics"].pk) == 2


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, library):
    html = get(client, library, series="working-paper", sort="title")
    assert 'href="?series=working-paper&amp;sort=title&amp;page=2#results-heading"' in html
    second = get(client, library, series="working-paper", sort="title", page=2)
    assert card_titles(second) == ["Health insurance English"]


@pytest.mark.django_db
def test_clear_all_link(client, library):
    html = get(client, library, "es", series="wiego-brief")
    assert f'<a href="{url_in(library["library"], "es")}">Borrar todos los filtros</a>' in html
    assert "Borrar todos los filtros" not in get(client, library, "es")


@pytest.mark.django_db
def test_sort_by_title_in_the_active_language(client, library):
    english = []
    spanish = []
    for number in (1, 2, 3):
        english += card_titles(get(client, library, "en", sort="title", page=number))
        spanish += card_titles(get(client, library, "es", sort="title", page=number))
    assert english == sorted(english)
    # Spanish titles where written; the English-only page sorts by its English title.
    assert spanish == ["African cities English", "Ambulantes", "Contar", "Cuidado", "Seguro"]


@pytest.mark.django_db
def test_switcher_keeps_the_filters(client, library):
    html = get(client, library, "en", series="wiego-brief", language="es")
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert f'href="{url_in(library["library"], "pt")}?series=wiego-brief&amp;language=es"' in nav


@pytest.mark.django_db
def test_free_text_reads_the_visitors_language(client, library):
    # Spanish title of a page that has Spanish.
    assert card_titles(get(client, library, "es", q="ambulantes")) == ["Ambulantes"]
    # Its English title does not match on /es/ ...
    assert card_titles(get(client, library, "es", q="Lima English")) == []
    # ... but the English fallback of a page without Spanish does.
    assert card_titles(get(client, library, "es", q="african cities")) == ["African cities English"]
    assert card_titles(get(client, library, "en", q="summary of health")) == ["Health insurance English"]


BAD_VALUES = [
    {"series": "no-such-series"},
    {"programme": "abc"},
    {"programme": "999999"},
    {"programme": "9" * 40},
    {"year": "20x5"},
    {"year": "-1"},
    {"language": "de"},
    {"sort": "random"},
    {"region": "<script>"},
]


@pytest.mark.django_db
def test_unknown_or_malformed_values_give_a_message(client, library):
    for params in BAD_VALUES:
        with case(params):
            html = get(client, library, **params)
            assert 'class="notice" role="status"' in html
            assert total(html) == 5
            assert "<script>" not in html.split("<main", 1)[1]


@pytest.mark.django_db
def test_very_long_text_is_shortened_with_a_message(client, library):
    html = get(client, library, q="trabajo " * 2000)
    assert "shortened" in html
    assert f'maxlength="{MAX_QUERY_LENGTH}"' in html


@pytest.mark.django_db
def test_several_filters_are_noindex(client, library):
    assert 'name="robots"' not in get(client, library, series="wiego-brief")
    assert 'content="noindex' in get(client, library, series="wiego-brief", year="2017")


@pytest.mark.django_db
def test_library_query_count_is_bounded(client, library, django_assert_max_num_queries):
    url = url_in(library["library"], "en")
    client.get(url)
    with django_assert_max_num_queries(40):
        client.get(url, {"series": "working-paper", "language": "fr", "q": "cities", "sort": "title"})


@pytest.mark.django_db
def test_counts_follow_publishing(client, library):
    assert count_of(get(client, library), "region", "asia") == 1
    page = library["pages"]["Health insurance"]
    page.region_tags = [PageRegion(region=Region.objects.get(key="asia"))]
    page.save_revision().publish()
    assert count_of(get(client, library), "region", "asia") == 2
    page.unpublish()
    html = get(client, library)
    assert count_of(html, "region", "asia") == 1
    assert total(html) == 4


@pytest.mark.django_db
def test_text_filter_ignores_case_and_accents(client, library):
    factories.PublicationPageFactory(parent=library["library"], name="Social protection", title_es="Protección social")
    search.rebuild_index()
    assert card_titles(get(client, library, "es", q="PROTECCION")) == ["Protección social"]
    assert card_titles(get(client, library, "es", q="protección")) == ["Protección social"]


@pytest.mark.django_db
def test_implausible_years_are_reported(client, library):
    html = get(client, library, year="1800")
    assert 'class="notice" role="status"' in html
    assert total(html) == 5


@pytest.mark.django_db
def test_english_only_items_are_labelled(client, library):
    html = get(client, library, "pt", year="2015", language="fr")
    assert '<p class="card__language">Em inglês</p>' in html
    assert html.count('class="card__language"') == 1


def year_options(html):
    return re.findall(r'id="f-year-(\d{4})"', html)


@pytest.mark.django_db
def test_year_filter_lists_only_years_that_give_publications(client, library):
    assert year_options(get(client, library)) == ["2017", "2016", "2015"]
    # Asia has only a 2017 publication: the other years would give nothing, so they are not offered.
    assert year_options(get(client, library, region="asia")) == ["2017"]
    # A chosen year stays, so that it can be unticked.
    html = get(client, library, region="asia", year="2015")
    assert year_options(html) == ["2017", "2015"]
    assert 'id="f-year-2015" name="year" value="2015" checked' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query,clean",
    [
        ("q=&sort=newest", ""),
        ("q=&series=wiego-brief&sort=newest", "?series=wiego-brief"),
        ("q=+&series=wiego-brief&year=&year=2017&sort=title&page=2", "?series=wiego-brief&year=2017&sort=title&page=2"),
        ("q=care&sort=newest", "?q=care"),
    ],
)
def test_empty_parameters_are_stripped_with_a_redirect(client, library, query, clean):
    path = url_in(library["library"], "es")
    response = client.get(f"{path}?{query}")
    assert response.status_code == 302
    assert response["Location"] == f"{path}{clean}"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_links_the_site_builds_carry_no_empty_parameters(client, library):
    html = get(client, library, series="working-paper", sort="title")
    links = re.findall(r'href="([^"]*\?[^"]*)"', html)
    assert links
    assert not [link for link in links if re.search(r"[?&;]\w+=(&|#|$)", link)]
    # The feed links keep the filters.
    assert "feeds/library/rss/?series=working-paper&amp;sort=title" in html
