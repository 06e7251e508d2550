"""The library's worker-group filter: counts, language-neutral values kept by the language
switcher and pagination, bad values with a message, flat queries at more than 1,000
publications."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications.filters import library_changed
from publications.models import PublicationPage
from tests import factories
from tests.helpers import bulk_pages, card_titles, switcher_hrefs, url_in
from worker_groups.models import PageWorkerGroup


def count_of(html, value):
    match = re.search(rf'for="f-worker_group-{value}">[^<]*<span class="filters__count">\((\d+)\)', html)
    return int(match.group(1)) if match else None


@pytest.fixture
def library(home):
    groups = factories.WorkerGroupIndexPageFactory(parent=home, name="Groups")
    pickers = factories.WorkerGroupPageFactory(parent=groups, name="Waste pickers", key="waste-pickers")
    vendors = factories.WorkerGroupPageFactory(parent=groups, name="Street vendors", key="street-vendors")
    library = factories.PublicationIndexPageFactory(parent=home, name="Library", items_per_page=1)
    for number, tags in enumerate([[pickers], [pickers, vendors], [vendors], []]):
        page = factories.PublicationPageFactory(
            parent=library, name=f"Brief {number}", display_date=datetime.date(2020, 1, 1 + number)
        )
        factories.tag_worker_groups(page, *tags)
    return {"library": library, "pickers": pickers, "vendors": vendors}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_filter_by_worker_group_with_counts(client, library, language):
    url = url_in(library["library"], language)
    html = client.get(url).content.decode()
    assert count_of(html, "waste-pickers") == 2
    assert count_of(html, "street-vendors") == 2
    assert f"Waste pickers {factories.LANGUAGE_WORDS[language]}" in html
    html = client.get(url, {"worker_group": "waste-pickers"}).content.decode()
    assert 'value="waste-pickers" checked' in html
    assert card_titles(html) == [f"Brief 1 {factories.LANGUAGE_WORDS[language]}"]
    # Counts of the other options take the chosen filter into account... except their own facet.
    assert count_of(html, "street-vendors") == 2
    # The switcher and pagination keep the same language-neutral value.
    for code, href in switcher_hrefs(html).items():
        assert "worker_group=waste-pickers" in href, code
    assert re.search(r'href="\?worker_group=waste-pickers&amp;page=2', html)


@pytest.mark.django_db
def test_two_groups_and_other_filters_combine(client, library):
    url = url_in(library["library"], "en")
    html = client.get(url, {"worker_group": ["waste-pickers", "street-vendors"], "q": "brief"}).content.decode()
    assert re.search(r'id="results-heading"[^>]*>3\b', html)


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["<script>", "waste pickers", "9" * 40, "unknown-group"])
def test_bad_values_give_a_message(client, library, value):
    response = client.get(url_in(library["library"], "es"), {"worker_group": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="status"' in html
    assert re.search(r'id="results-heading"[^>]*>4\b', html)


@pytest.mark.django_db
def test_an_unpublished_group_is_not_offered(client, library):
    library["vendors"].unpublish()
    html = client.get(url_in(library["library"], "en")).content.decode()
    assert count_of(html, "street-vendors") is None


def library_queries(client, url, params):
    client.get(url, params)  # warm the one-off caches
    library_changed()  # recount, as after a publish
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.slow
@pytest.mark.django_db
def test_query_count_is_flat_at_more_than_1000_publications(client, library):
    url = url_in(library["library"], "en")
    params = {"worker_group": "waste-pickers", "page": "2"}
    small = library_queries(client, url, params)
    section = factories.PublicationIndexPageFactory(parent=library["library"].get_parent(), name="More")
    pages = bulk_pages(section, PublicationPage, 1200, display_date=datetime.date(2010, 1, 1))
    PageWorkerGroup.objects.bulk_create(
        PageWorkerGroup(page_id=page.pk, worker_group=library["pickers"]) for page in pages
    )
    large_url = url_in(section, "en")
    large = library_queries(client, large_url, params)
    assert large <= small, (small, large)
    html = client.get(large_url).content.decode()
    assert count_of(html, "waste-pickers") == 1200
