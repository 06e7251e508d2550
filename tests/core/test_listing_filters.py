"""core.listing_filters: every registered taxonomy and the year, with counts, bad values ignored
with a message, and a flat number of queries."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from core import listing_filters, tagging
from places.models import PageRegion
from standard_pages.models import StandardPage
from tests import factories
from tests.helpers import publish


@pytest.fixture
def tagged(site_tree):
    """Four standard pages: two tagged with the programme, one of those and another with Africa."""
    africa = factories.RegionFactory(key="africa")
    asia = factories.RegionFactory(key="asia")
    pages = [factories.StandardPageFactory(parent=site_tree["home"], name=f"Item {n}") for n in range(4)]
    for page, year in zip(pages, (2023, 2024, 2024, 2025), strict=True):
        page.display_date = datetime.date(year, 6, 1)  # never a 29 February
    factories.tag(pages[0], site_tree["programme"])
    factories.tag(pages[1], site_tree["programme"])
    for page in (pages[1], pages[2]):
        page.region_tags = [PageRegion(region=africa)]
    for page in pages:
        publish(page)
    return {"pages": pages, "programme": site_tree["programme"], "africa": africa, "asia": asia}


def items():
    return StandardPage.objects.live().filter(title_en__startswith="Item")


def run(query_string):
    request = RequestFactory().get(f"/en/news/?{query_string}")
    return listing_filters.SectionFilter().run(request, items())


def facet(listing, name):
    return {
        option.value: (option.count, option.selected)
        for option in next(f for f in listing.facets if f.name == name).options
    }


def test_every_registered_taxonomy_and_the_year_is_a_filter(tagged):
    listing = run("")
    names = [f.name for f in listing.facets]
    assert names[: len(tagging.taxonomies())] == [taxonomy.target for taxonomy in tagging.taxonomies()]
    assert {"programme", "region", "year"} <= set(names)
    assert facet(listing, "programme") == {str(tagged["programme"].pk): (2, False)}
    # Regions have a stable key; terms nobody uses (Asia) are not offered.
    assert facet(listing, "region") == {"africa": (2, False)}
    assert facet(listing, "year") == {"2025": (1, False), "2024": (2, False), "2023": (1, False)}
    assert listing.pages.count() == 4 and not listing.query.problems


def test_filters_combine_and_count_against_the_others(tagged):
    listing = run(f"programme={tagged['programme'].pk}&region=africa")
    assert list(listing.pages) == [tagged["pages"][1].specific]
    assert facet(listing, "region") == {"africa": (1, True)}
    assert facet(listing, "programme") == {str(tagged["programme"].pk): (1, True)}
    assert facet(listing, "year") == {"2024": (1, False)}
    assert listing.noindex
    listing = run("year=2024")
    assert listing.pages.count() == 2 and not listing.noindex
    assert facet(listing, "year")["2023"] == (1, False)


@pytest.mark.parametrize(
    "query_string",
    ["region=nowhere", "programme=abc", "programme=999999", "year=20x5", "year=1066", "year=99999999999999999999"],
)
def test_bad_values_are_dropped_with_a_message(tagged, query_string):
    listing = run(query_string)
    assert listing.pages.count() == 4
    assert [str(problem) for problem in listing.query.problems] == [
        "Some filters were not recognised and have been ignored."
    ]


def test_a_chosen_year_without_pages_stays_offered_to_untick(tagged):
    listing = run("year=2019")
    assert listing.pages.count() == 0
    assert facet(listing, "year")["2019"] == (0, True)


def test_a_taxonomy_registered_later_appears_without_code_changes(tagged, monkeypatch):
    regions = next(taxonomy for taxonomy in tagging.taxonomies() if taxonomy.key == "regions")
    monkeypatch.setattr(tagging, "_taxonomies", {"regions": regions})
    assert [f.name for f in run("").facets] == ["region", "year"]


def test_clean_addresses():
    request = RequestFactory().get("/en/news/", {"programme": "", "region": "africa", "year": ""})
    assert listing_filters.redirect_to_clean(request)["Location"] == "/en/news/?region=africa"
    assert listing_filters.redirect_to_clean(RequestFactory().get("/en/news/?region=africa")) is None
    params = RequestFactory().get("/en/news/?region=africa&page=3").GET
    assert listing_filters.feed_query_string(params) == "region=africa"


def _queries(query_string):
    with CaptureQueriesContext(connection) as captured:
        listing = run(query_string)
        list(listing.pages[:10])
    return len(captured)


def test_queries_stay_flat(tagged):
    filters = f"programme={tagged['programme'].pk}&region=africa&year=2024"
    few = (_queries(""), _queries(filters))
    for n in range(20):
        page = factories.StandardPageFactory(parent=tagged["pages"][0].get_parent(), name=f"Item extra {n}")
        page.region_tags = [PageRegion(region=tagged["asia" if n % 2 else "africa"])]
        factories.tag(page, tagged["programme"])
    assert (_queries(""), _queries(filters)) == few
    # Per taxonomy its terms and its counts, two for the years... and the page of results.
    assert few[0] <= 2 * len(tagging.taxonomies()) + 2
