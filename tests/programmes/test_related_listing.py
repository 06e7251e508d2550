"""A programme page lists everything tagged with it, of every type, newest first, paginated."""

import datetime
import re

import pytest
from django.db import connection

from tests import factories
from tests.helpers import card_titles, url_in


@pytest.fixture
def programme_with_related(home):
    index = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes")
    programme = factories.ProgrammePageFactory(parent=index, name="Social Protection", items_per_page=3)
    other = factories.ProgrammePageFactory(parent=index, name="Statistics")
    library = factories.PublicationIndexPageFactory(parent=home, name="Library")
    impact_index = factories.ImpactIndexPageFactory(parent=home, name="Impact")
    pages = [
        factories.PublicationPageFactory(parent=library, name="Brief A", display_date=datetime.date(2017, 3, 1)),
        factories.ImpactStoryPageFactory(parent=impact_index, name="Ghana", display_date=datetime.date(2012, 6, 1)),
        factories.StandardPageFactory(parent=home, name="Cooperatives", display_date=datetime.date(2019, 1, 1)),
        factories.PublicationPageFactory(parent=library, name="Brief B", display_date=datetime.date(2021, 5, 1)),
        factories.StandardPageFactory(parent=home, name="Past activities", display_date=datetime.date(2010, 1, 1)),
    ]
    for page in pages:
        factories.tag(page, programme)
    unrelated = factories.PublicationPageFactory(
        parent=library, name="Unrelated", display_date=datetime.date(2024, 1, 1)
    )
    factories.tag(unrelated, other)
    draft = factories.PublicationPageFactory(parent=library, name="Draft brief", display_date=datetime.date(2025, 1, 1))
    factories.tag(draft, programme)
    draft.unpublish()
    return programme


@pytest.mark.django_db
def test_related_pages_newest_first_across_types(client, programme_with_related):
    url = url_in(programme_with_related, "es")
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert card_titles(first) == ["Brief B Español", "Cooperatives Español", "Brief A Español"]
    assert card_titles(second) == ["Ghana Español", "Past activities Español"]
    assert "Página 2 de 2" in second
    assert '<p class="listing-count">5 elementos</p>' in first


@pytest.mark.django_db
def test_pagination_links_keep_other_parameters(client, programme_with_related):
    html = client.get(url_in(programme_with_related, "en"), {"type": "", "utm_source": "x"}).content.decode()
    # Kept, except the empty ones: a link the site builds never carries `type=`.
    assert 'href="?utm_source=x&amp;page=2#related-heading"' in html


@pytest.mark.django_db
def test_page_type_filter(client, programme_with_related):
    html = client.get(url_in(programme_with_related, "en"), {"type": "publication"}).content.decode()
    assert card_titles(html) == ["Brief B English", "Brief A English"]
    assert 'value="publication" checked' in html
    assert re.search(r'for="type-page">[^<]*<span class="filters__count">\(2\)', html)
    html = client.get(url_in(programme_with_related, "en"), {"type": "impact-story"}).content.decode()
    assert card_titles(html) == ["Ghana English"]


@pytest.mark.django_db
def test_unknown_page_type_shows_everything_with_a_message(client, programme_with_related):
    response = client.get(url_in(programme_with_related, "es"), {"type": "<b>nope</b>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="notice" role="status"' in html
    assert len(card_titles(html)) == 3


@pytest.mark.django_db
def test_related_listing_query_count_does_not_grow(client, programme_with_related, django_assert_max_num_queries):
    url = url_in(programme_with_related, "en")
    client.get(url)  # warm caches (site root paths)
    with django_assert_max_num_queries(40):
        client.get(url)


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_bookmarked_kind_filter_lands_on_the_same_listing(client, programme_with_related, language):
    """`?kind=` was the filter's name before `?type=`: old links redirect, keeping the rest."""
    url = url_in(programme_with_related, language)
    response = client.get(url, {"kind": "publication", "page": "2"})
    assert response.status_code == 301
    assert response["Location"] == f"{url}?page=2&type=publication"
    followed = client.get(response["Location"]).content.decode()
    assert re.search(r'id="type-publication" name="type" value="publication" checked', followed)


@pytest.mark.django_db
def test_pagination_and_switcher_links_leave_out_empty_parameters(client, programme_with_related):
    # The listing's no-JavaScript form submits "All types" as an empty `type=`.
    html = client.get(url_in(programme_with_related, "fr") + "?type=&page=1").content.decode()
    pagination = re.search(r'<nav class="pagination".*?</nav>', html, re.S).group(0)
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="?page=2' in pagination
    assert "type=" not in pagination
    assert f'href="{url_in(programme_with_related, "es")}?page=1"' in switcher
    assert "type=" not in switcher


@pytest.mark.skipif(connection.vendor != "postgresql", reason="JIT compiling is PostgreSQL's")
def test_the_listing_is_not_jit_compiled_on_a_fresh_database(programme_with_related):
    """Tables never analysed give the planner estimates costly enough to JIT-compile the
    listing's join over every page type: seconds of compiling for a few rows."""
    sql, params = programme_with_related.related_pages().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE) {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "JIT:" not in plan, plan
