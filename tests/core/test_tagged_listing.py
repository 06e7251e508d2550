"""Everything tagged with a term (core.tagged_listing): every live page of every type, newest
first, filterable by kind, paginated, with a feed per language, at a flat query count."""

import datetime

import pytest
from defusedxml import ElementTree as ET
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.tagged_listing import listed_kinds, tagged_pages
from programmes.models import PageProgramme
from standard_pages.models import StandardPage
from tests import factories
from tests.helpers import bulk_pages, card_titles, url_in


@pytest.fixture
def tagged(home):
    index = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes")
    programme = factories.ProgrammePageFactory(parent=index, name="Statistics", items_per_page=3)
    library = factories.PublicationIndexPageFactory(parent=home, name="Library")
    pages = [
        factories.PublicationPageFactory(parent=library, name="Counting", display_date=datetime.date(2020, 1, 1)),
        factories.StandardPageFactory(parent=home, name="Census", display_date=datetime.date(2022, 1, 1)),
        factories.PublicationPageFactory(
            parent=library, name="English only", display_date=datetime.date(2023, 1, 1), missing=("es",)
        ),
    ]
    for page in pages:
        factories.tag(page, programme)
    draft = factories.StandardPageFactory(parent=home, name="Draft", display_date=datetime.date(2024, 1, 1))
    factories.tag(draft, programme)
    draft.unpublish()
    return programme


def feed_url(language, page, fmt="rss"):
    with translation.override(language):
        return reverse("tagged_feed", kwargs={"pk": page.pk, "fmt": fmt})


@pytest.mark.django_db
def test_tagged_pages_are_live_pages_of_every_type_newest_first(tagged):
    assert [page.title for page in tagged_pages("programmes", tagged)] == [
        "English only English",
        "Census English",
        "Counting English",
    ]


def test_kinds_are_the_types_that_describe_themselves():
    kinds = listed_kinds()
    assert list(kinds)[:2] == ["publication", "impact-story"]
    assert all(getattr(model, "related_listing_label", None) for _label, model in kinds.values())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_feed_carries_only_pages_written_in_its_language(client, tagged, language):
    response = client.get(feed_url(language, tagged))
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    if language == "en":
        assert titles == ["English only English", "Census English", "Counting English"]
    else:
        assert titles == ["Census Español", "Counting Español"]
        assert "/es/" in channel.find("item/link").text


@pytest.mark.django_db
def test_feed_of_a_page_that_lists_nothing_is_not_found(client, tagged, home):
    assert client.get(feed_url("en", home)).status_code == 404
    assert client.get(feed_url("en", tagged, fmt="json")).status_code == 404


@pytest.mark.django_db
def test_atom_feed(client, tagged):
    response = client.get(feed_url("fr", tagged, fmt="atom"))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert len(ET.fromstring(response.content).findall("{http://www.w3.org/2005/Atom}entry")) == 3


@pytest.mark.django_db
def test_listing_shows_english_fallbacks_marked(client, tagged):
    html = client.get(url_in(tagged, "es")).content.decode()
    assert card_titles(html) == ["English only English", "Census Español", "Counting Español"]
    assert "En inglés" in html


def listing_queries(client, url):
    client.get(url)  # warm the one-off caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"type": "page", "page": "2"})
    assert response.status_code == 200
    return len(queries)


def add_tagged_pages(parent, count, programme):
    pages = bulk_pages(parent, StandardPage, count, display_date=datetime.date(2000, 1, 1))
    PageProgramme.objects.bulk_create(PageProgramme(page_id=page.pk, programme=programme) for page in pages)


@pytest.mark.django_db
def test_query_count_is_flat_from_10_to_1000_tagged_pages(client, home):
    index = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes")
    programme = factories.ProgrammePageFactory(parent=index, name="Statistics", items_per_page=5)
    add_tagged_pages(factories.StandardPageFactory(parent=home, name="Few"), 10, programme)
    url = url_in(programme, "en")
    small = listing_queries(client, url)
    add_tagged_pages(factories.StandardPageFactory(parent=home, name="Many"), 990, programme)
    large = listing_queries(client, url)
    assert large <= small, (small, large)
    html = client.get(url, {"type": "page"}).content.decode()
    assert '<p class="listing-count">1000 items</p>' in html
    assert client.get(f"/en/feeds/programmes/{programme.pk}/rss/").status_code == 200
