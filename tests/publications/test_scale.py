"""Pages cost the same number of SQL queries with 10 and with 200 publications, and routing
and slug validation look slugs up by index instead of scanning siblings."""

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core import search_index as search
from programmes.models import PageProgramme
from publications.filters import library_changed
from tests import factories
from tests.helpers import url_in


def query_count(client, url, **params):
    client.get(url, params)  # warm the one-off caches (site root paths, content types)
    library_changed()  # but recount the library's filters, as after a publish
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def grow(home):
    """Returns (library, programme, add(n)) where add creates n more tagged publications."""
    index = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes")
    programme = factories.ProgrammePageFactory(parent=index, name="Social Protection", items_per_page=10)
    library = factories.PublicationIndexPageFactory(parent=home, name="Library", items_per_page=10)
    series = factories.PublicationSeriesFactory(key="wiego-brief")
    created = []

    def add(count):
        start = len(created)
        for number in range(start, start + count):
            created.append(factories.PublicationPageFactory(parent=library, name=f"Brief {number}", series=series))
        PageProgramme.objects.bulk_create(
            PageProgramme(page=page, programme=programme) for page in created[start : start + count]
        )
        search.rebuild_index()
        return created

    return library, programme, add


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_query_counts_do_not_grow_with_the_library(client, grow, language):
    library, programme, add = grow
    publications = add(10)
    probe = publications[3]
    urls = {
        "library": (url_in(library, language), {}),
        "filtered library": (url_in(library, language), {"series": "wiego-brief", "q": "brief", "sort": "title"}),
        "programme": (url_in(programme, language), {"type": "publication"}),
        "publication": (url_in(probe, language), {}),
        "search": (f"/{language}/search/", {"q": "brief"}),
    }
    small = {name: query_count(client, url, **params) for name, (url, params) in urls.items()}
    assert "Brief 3" in client.get(*urls["search"]).content.decode()
    add(190)
    large = {name: query_count(client, url, **params) for name, (url, params) in urls.items()}
    assert large == small


class CountLoadedPages:
    """Counts page objects built from database rows: scanning siblings would build all of them."""

    def __enter__(self):
        self.count = 0
        post_init.connect(self.loaded)
        return self

    def loaded(self, sender, instance, **kwargs):
        if isinstance(instance, Page) and instance.pk is not None:
            self.count += 1

    def __exit__(self, *exc):
        post_init.disconnect(self.loaded)


@pytest.mark.django_db
def test_routing_loads_only_the_pages_on_the_path(client, grow):
    _library, _programme, add = grow
    publications = add(60)
    url = url_in(publications[30], "es")
    client.get(url)
    with CountLoadedPages() as loaded:
        response = client.get(url)
    assert response.status_code == 200
    # Home, library and the publication (each once as a plain page, once as its specific type),
    # plus the few pages the template shows (navigation, programme tags): never the 60 siblings.
    assert loaded.count < 25


@pytest.mark.django_db
def test_slug_is_validated_per_language_by_query(grow, django_assert_max_num_queries):
    from django.core.exceptions import ValidationError

    _library, _programme, add = grow
    first, second = add(2)
    add(50)
    second.slug_fr = first.slug_fr
    with CountLoadedPages() as loaded, django_assert_max_num_queries(12), pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "slug_fr" in error.value.message_dict
    assert loaded.count < 5
    # An empty Spanish slug falls back to the English one: it clashes with a sibling whose
    # Spanish address also falls back to that English slug.
    first.slug_es = ""
    first.save()
    second.refresh_from_db()
    second.slug_es = ""
    second.slug_en = first.slug_en
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert {"slug_en", "slug_es"} <= set(error.value.message_dict)
    assert "slug_fr" not in error.value.message_dict


@pytest.mark.django_db
def test_routing_falls_back_to_the_english_slug(client, home):
    page = factories.StandardPageFactory(parent=home, name="Cooperatives", missing=("pt",))
    assert url_in(page, "pt") == "/pt/cooperatives-en/"
    assert client.get("/pt/cooperatives-en/").status_code == 200
    assert client.get("/pt/cooperatives-pt/").status_code == 404


@pytest.mark.django_db
def test_slug_columns_are_indexed():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    indexed = {tuple(info["columns"]) for info in constraints.values() if info["index"]}
    for code in ("en", "es", "fr", "pt"):
        assert (f"slug_{code}",) in indexed
