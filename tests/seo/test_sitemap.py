"""sitemap.xml and robots.txt: valid against the sitemaps.org schema, every live public page once
per language it really has, hreflang alternates and x-default, split into files when large, and
a query count that does not grow with the number of pages."""

import math
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree
from wagtail.models import PageViewRestriction, Site

from seo import sitemaps
from tests import factories
from tests.helpers import LANGUAGES, full_url

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def urlset_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap-hreflang.xsd")))


@pytest.fixture(scope="module")
def index_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "siteindex.xsd")))


def fetch_xml(client, url, schema):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    document = etree.fromstring(response.content)
    assert schema.validate(document), schema.error_log
    return document


def entries(document):
    """{loc: {hreflang: href}} of a urlset; fails if a URL is listed twice."""
    found = {}
    for url in document.findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        assert loc not in found, f"{loc} listed twice"
        found[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        assert all(link.get("rel") == "alternate" for link in url.findall("xhtml:link", NS))
    return found


def expected_entry(page, languages):
    alternates = {code: full_url(page, code) for code in languages}
    alternates["x-default"] = full_url(page, "en")
    return {full_url(page, code): alternates for code in languages}


@pytest.mark.django_db
def test_sitemap_validates_and_lists_every_page_in_every_language(client, site_tree, urlset_schema):
    found = entries(fetch_xml(client, "/sitemap.xml", urlset_schema))

    expected = {}
    for page in site_tree.values():
        expected.update(expected_entry(page, LANGUAGES))
    assert found == expected
    assert len(found) == len(site_tree) * len(LANGUAGES)
    assert all(loc.startswith("http://testserver/") for loc in found)


@pytest.mark.django_db
def test_lastmod_is_the_last_publication(client, site_tree, urlset_schema):
    document = fetch_xml(client, "/sitemap.xml", urlset_schema)
    publication = site_tree["publication"]
    publication.refresh_from_db()
    loc = full_url(publication, "es")
    url = next(url for url in document.findall("sm:url", NS) if url.findtext("sm:loc", namespaces=NS) == loc)
    assert url.findtext("sm:lastmod", namespaces=NS) == publication.last_published_at.isoformat(timespec="seconds")


@pytest.mark.django_db
def test_pages_are_listed_only_in_the_languages_they_have(client, home, urlset_schema):
    partly = factories.StandardPageFactory(parent=home, name="Cooperatives", missing=("fr", "pt"))
    english_only = factories.StandardPageFactory(parent=home, name="Framework", missing=("es", "fr", "pt"))
    # A title in French without the main text does not make the page French.
    half = factories.StandardPageFactory(parent=home, name="Half done", body_fr=[])

    found = entries(fetch_xml(client, "/sitemap.xml", urlset_schema))

    for page, languages in [(partly, ["en", "es"]), (english_only, ["en"]), (half, ["en", "es", "pt"])]:
        listed = {loc: alternates for loc, alternates in found.items() if loc in {full_url(page, c) for c in LANGUAGES}}
        assert listed == expected_entry(page, languages), page.title
    assert full_url(partly, "fr") not in found
    assert full_url(partly, "fr") not in found[full_url(partly, "es")].values()


@pytest.mark.django_db
def test_drafts_unpublished_and_private_pages_are_left_out(client, home, urlset_schema):
    published = factories.StandardPageFactory(parent=home, name="Published")
    draft = factories.StandardPageFactory(parent=home, name="Draft", live=False)
    withdrawn = factories.StandardPageFactory(parent=home, name="Withdrawn")
    withdrawn.unpublish()
    private = factories.StandardPageFactory(parent=home, name="Members")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    below_private = factories.StandardPageFactory(parent=private, name="Minutes")

    found = entries(fetch_xml(client, "/sitemap.xml", urlset_schema))

    assert full_url(published, "en") in found
    for page in (draft, withdrawn, private, below_private):
        for code in LANGUAGES:
            assert full_url(page, code) not in found, (page.title, code)


@pytest.mark.django_db
def test_addresses_come_from_the_site_record(client, site_tree, urlset_schema):
    Site.objects.filter(is_default_site=True).update(hostname="www.wiego.example", port=443)
    cache.clear()  # site root paths are cached per language

    found = entries(fetch_xml(client, "/sitemap.xml", urlset_schema))

    assert "https://www.wiego.example/es/library-es/working-paper-es/" in found
    assert all(loc.startswith("https://www.wiego.example/") for loc in found)
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://www.wiego.example/sitemap.xml" in robots


@pytest.mark.django_db
def test_a_large_sitemap_is_split_into_files_listed_in_an_index(
    client, site_tree, settings, urlset_schema, index_schema
):
    settings.WIEGO_SITEMAP_PAGES_PER_FILE = 4
    document = fetch_xml(client, "/sitemap.xml", index_schema)
    files = [loc.text for loc in document.findall("sm:sitemap/sm:loc", NS)]
    count = math.ceil(len(site_tree) / 4)
    assert files == [f"http://testserver/sitemap-{number}.xml" for number in range(1, count + 1)]

    found = {}
    for url in files:
        part = entries(fetch_xml(client, url.removeprefix("http://testserver"), urlset_schema))
        assert len(part) <= 4 * len(LANGUAGES)
        assert not set(part) & set(found), "a URL appears in two files"
        found.update(part)

    settings.WIEGO_SITEMAP_PAGES_PER_FILE = 1000
    assert found == entries(fetch_xml(client, "/sitemap.xml", urlset_schema))
    assert client.get(f"/sitemap-{count + 1}.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404


@pytest.mark.django_db
def test_sitemap_query_count_does_not_grow_with_the_number_of_pages(client, site_tree, django_assert_max_num_queries):
    def add_pages(count):
        for number in range(count):
            kind = number % 3
            if kind == 0:
                factories.StandardPageFactory(parent=site_tree["home"], name=f"Extra page {number}")
            elif kind == 1:
                factories.PublicationPageFactory(parent=site_tree["library"], name=f"Extra paper {number}")
            else:
                factories.ImpactStoryPageFactory(parent=site_tree["impact_index"], name=f"Extra story {number}")

    def queries():
        client.get("/sitemap.xml")  # warm the per-language site root path cache
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/sitemap.xml")
        assert response.status_code == 200
        return len(captured), response.content.count(b"<url>")

    few, few_urls = queries()
    assert few_urls == len(site_tree) * len(LANGUAGES)
    add_pages(50)
    many, many_urls = queries()

    assert many_urls == few_urls + 50 * len(LANGUAGES)
    assert many == few
    with django_assert_max_num_queries(few):
        client.get("/sitemap.xml")


@pytest.mark.django_db
def test_sitemap_is_outside_the_language_prefixes(client, site_tree):
    assert client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="es").status_code == 200
    assert client.get("/es/sitemap.xml").status_code == 404
    assert client.post("/sitemap.xml").status_code == 405


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client, home):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    for code in LANGUAGES:
        assert f"Disallow: {sitemaps.search_paths()[LANGUAGES.index(code)]}?" in lines  # results only
        assert sitemaps.search_paths()[LANGUAGES.index(code)].startswith(f"/{code}/")
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the public site stays crawlable
