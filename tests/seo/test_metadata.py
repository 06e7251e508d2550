"""What every page tells search engines and social sites, read from the rendered page: canonical,
hreflang, Open Graph, Twitter card, JSON-LD (Organization, BreadcrumbList) and the visible
breadcrumbs, on every page type in several languages."""

import json

import lxml.html
import pytest
import wagtail_factories
from django.utils import translation
from wagtail.models import Site

from core.models import SiteSettings
from seo import metadata as seo
from tests import factories
from tests.helpers import LANGUAGES, PAGE_KEYS, case, full_url, url_in

ARTICLES = {"impact", "publication"}
HOME_LABEL = {"en": "Home", "es": "Inicio"}

# What the site promises crawlers (the registry in languages/ is where the site takes them from).
OG_LOCALES = {"en": "en_GB", "es": "es_LA", "fr": "fr_FR", "pt": "pt_BR"}


def title_in(page, language):
    with translation.override(language):
        return page.title


def fetch(client, page, language):
    response = client.get(url_in(page, language))
    assert response.status_code == 200
    return Document(response.content.decode())


class Document:
    """The parsed page, with helpers for the tags in its <head>."""

    def __init__(self, html):
        self.html = html
        self.tree = lxml.html.fromstring(html)

    def meta(self, name):
        """Every content of <meta property=name> or <meta name=name>, in order."""
        return self.tree.xpath(f'//head/meta[@property="{name}" or @name="{name}"]/@content')

    def one(self, name):
        values = self.meta(name)
        assert len(values) == 1, (name, values)
        return values[0]

    def links(self, rel):
        return self.tree.xpath(f'//head/link[@rel="{rel}"]')

    def hreflangs(self):
        return {link.get("hreflang"): link.get("href") for link in self.links("alternate") if link.get("hreflang")}

    def json_ld(self):
        return [json.loads(script.text) for script in self.tree.xpath('//script[@type="application/ld+json"]')]

    def json_ld_of_type(self, schema_type):
        found = [data for data in self.json_ld() if data["@type"] == schema_type]
        assert len(found) == 1, (schema_type, [data["@type"] for data in self.json_ld()])
        return found[0]

    def breadcrumbs(self):
        return self.tree.xpath('//main//nav[contains(@class, "breadcrumbs")]')


def trail_of(site_tree, key):
    """The pages from home down to site_tree[key]."""
    page = site_tree[key]
    return [p.specific for p in page.get_ancestors().filter(depth__gte=site_tree["home"].depth)] + [page]


@pytest.mark.django_db
@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_type_has_its_metadata(client, site_tree, key):
    # The languages in one test: building the site costs far more than checking a page.
    for language in ["en", "es"]:
        with case(f"{key} in {language}"):
            page = site_tree[key]
            doc = fetch(client, page, language)
            canonical = full_url(page, language)

            # Canonical, alternates for every real translation, x-default to English.
            assert [link.get("href") for link in doc.links("canonical")] == [canonical]
            assert doc.hreflangs() == {
                **{code: full_url(page, code) for code in LANGUAGES},
                "x-default": full_url(page, "en"),
            }
            assert not doc.meta("robots")

            # Open Graph.
            assert doc.one("og:url") == canonical
            assert doc.one("og:title") == title_in(page, language)
            assert doc.one("og:site_name") == "WIEGO"
            assert doc.one("og:type") == ("article" if key in ARTICLES else "website")
            assert doc.one("og:locale") == OG_LOCALES[language]
            assert sorted(doc.meta("og:locale:alternate")) == sorted(OG_LOCALES[c] for c in LANGUAGES if c != language)
            description = doc.one("og:description")
            assert description and ("Español" in description) == (language == "es")
            assert not doc.meta("og:image")

            # Twitter card, without an image.
            assert doc.one("twitter:card") == "summary"
            assert doc.one("twitter:title") == title_in(page, language)
            assert doc.one("twitter:description") == description

            # JSON-LD: every block parses; Organization on the home page only; a BreadcrumbList everywhere.
            types = [data["@type"] for data in doc.json_ld()]
            assert all(data["@context"] == "https://schema.org" for data in doc.json_ld())
            assert ("Organization" in types) == (key == "home")
            if key == "publication":
                assert "Report" in types
            trail = trail_of(site_tree, key)
            crumbs = doc.json_ld_of_type("BreadcrumbList")["itemListElement"]
            assert [item["position"] for item in crumbs] == list(range(1, len(trail) + 1))
            assert [item["name"] for item in crumbs] == [HOME_LABEL[language]] + [
                title_in(p, language) for p in trail[1:]
            ]
            assert [item["item"] for item in crumbs] == [full_url(p, language) for p in trail]
            assert all(item["@type"] == "ListItem" for item in crumbs)


@pytest.mark.django_db
@pytest.mark.parametrize("key", [key for key in PAGE_KEYS if key != "home"])
def test_breadcrumbs_are_visible_and_accessible(client, site_tree, key):
    # The languages in one test: building the site costs far more than checking a page.
    for language in ["en", "es"]:
        with case(f"{key} in {language}"):
            doc = fetch(client, site_tree[key], language)

            (nav,) = doc.breadcrumbs()
            assert nav.get("aria-label") in {"Breadcrumb", "Ruta de navegación"}
            # Just inside <main>, before the page's content.
            assert nav.getparent().tag == "main"
            assert nav.getparent().index(nav) == 0
            links = nav.xpath("./ol/li/a")
            trail = trail_of(site_tree, key)
            assert [a.text for a in links] == [HOME_LABEL[language]] + [title_in(p, language) for p in trail[1:]]
            assert [a.get("href") for a in links] == [url_in(p, language) for p in trail]
            assert [a.get("aria-current") for a in links] == [None] * (len(trail) - 1) + ["page"]


@pytest.mark.django_db
def test_home_page_has_no_visible_breadcrumbs_and_describes_the_organisation(client, site_tree):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.facebook_url = "https://www.facebook.com/wiego.example"
    settings.x_url = "https://x.com/wiego_example"
    settings.save()

    doc = fetch(client, site_tree["home"], "es")

    assert doc.breadcrumbs() == []
    organization = doc.json_ld_of_type("Organization")
    assert organization["name"] == "WIEGO"
    assert organization["url"] == full_url(site_tree["home"], "es")
    assert organization["logo"].startswith("http://testserver/static/")
    assert organization["sameAs"] == ["https://www.facebook.com/wiego.example", "https://x.com/wiego_example"]
    assert doc.one("twitter:site") == "@wiego_example"
    # The BreadcrumbList of the home page is the home page alone.
    assert doc.json_ld_of_type("BreadcrumbList")["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Inicio", "item": "http://testserver/es/"}
    ]


@pytest.mark.django_db
def test_a_page_missing_a_language_describes_its_english_version(client, home):
    page = factories.StandardPageFactory(parent=home, name="Cooperatives", missing=("fr", "pt"))

    doc = fetch(client, page, "fr")

    english = full_url(page, "en")
    assert [link.get("href") for link in doc.links("canonical")] == [english]
    assert doc.one("og:url") == english
    assert doc.one("og:locale") == "en_GB"
    assert doc.meta("og:locale:alternate") == ["es_LA"]
    assert doc.hreflangs() == {"en": english, "es": full_url(page, "es"), "x-default": english}
    # The visible trail marks the English fallback title.
    current = doc.breadcrumbs()[0].xpath(".//a[@aria-current='page']")[0]
    assert current.get("lang") == "en"
    assert current.text == "Cooperatives English"


@pytest.fixture
def photo(db):
    return wagtail_factories.ImageFactory(
        title="Meeting",
        file__width=1600,
        file__height=1000,
        description_en="Women at a union meeting",
        description_es="Mujeres en una reunión sindical",
        credit="Demo photographer",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "key,field",
    [("home", "hero_image"), ("standard", "lead_image"), ("impact", "lead_image"), ("publication", "cover_image")],
)
def test_share_image_is_the_listing_image_else_the_main_picture(client, site_tree, photo, key, field):
    page = site_tree[key]
    setattr(page, field, photo)
    page.save_revision().publish()

    doc = fetch(client, page, "es")

    image = doc.one("og:image")
    rendition = photo.get_rendition(seo.SHARE_IMAGE_SPEC)
    assert image == f"http://testserver{rendition.url}"
    assert (doc.one("og:image:width"), doc.one("og:image:height")) == (str(rendition.width), str(rendition.height))
    assert (rendition.width, rendition.height) == (1200, 630)
    assert doc.one("og:image:alt") == "Mujeres en una reunión sindical. Foto: Demo photographer"
    assert doc.one("twitter:card") == "summary_large_image"
    assert doc.one("twitter:image") == image
    assert doc.one("twitter:image:alt") == doc.one("og:image:alt")

    other = wagtail_factories.ImageFactory(
        title="Listing", file__width=800, file__height=800, description_en="A market"
    )
    page.listing_image = other
    page.save_revision().publish()
    doc = fetch(client, page, "en")
    assert doc.one("og:image") == f"http://testserver{other.get_rendition(seo.SHARE_IMAGE_SPEC).url}"
    assert doc.one("og:image:alt") == "A market"


@pytest.mark.django_db
def test_hostile_text_cannot_escape_the_json_ld_block(client, site_tree):
    page = site_tree["standard"]
    hostile = 'Hi </script><script>alert("x")</script><!-- & "quotes"'
    page.title_en = hostile
    page.save_revision().publish()

    response = client.get(url_in(page, "en"))
    html = response.content.decode()

    assert "<script>alert" not in html
    doc = Document(html)
    crumbs = doc.json_ld_of_type("BreadcrumbList")["itemListElement"]
    assert crumbs[-1]["name"] == hostile
    assert doc.one("og:title") == hostile
    # Every <script> is either JSON-LD data or an external file: nothing inline executes.
    for script in doc.tree.xpath("//script"):
        assert script.get("type") == "application/ld+json" or (script.get("src") and not script.text)


@pytest.mark.django_db
def test_several_library_filters_are_noindex_without_alternates(client, site_tree):
    library, publication = site_tree["library"], site_tree["publication"]
    base = url_in(library, "es")
    one_filter = Document(client.get(base, {"series": publication.series.key}).content.decode())
    assert not one_filter.meta("robots")
    assert one_filter.hreflangs()

    filtered = client.get(base, {"series": publication.series.key, "year": publication.display_date.year})
    doc = Document(filtered.content.decode())

    assert doc.one("robots") == "noindex, follow"
    assert doc.hreflangs() == {}
    assert [link.get("href") for link in doc.links("canonical")] == [full_url(library, "es")]


@pytest.mark.django_db
def test_feed_links_are_announced_in_the_head(client, site_tree):
    doc = fetch(client, site_tree["library"], "es")

    feeds = [link for link in doc.links("alternate") if link.get("type")]
    assert feeds, "the library announces its feeds"
    for link in feeds:
        assert link.get("type") in {"application/rss+xml", "application/atom+xml"}
        assert link.get("title")
        assert client.get(link.get("href")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_type_has_an_open_graph_image_with_the_default_from_site_settings(client, site_tree, photo, key):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_share_image = photo
    settings.save()
    default = f"http://testserver{photo.get_rendition(seo.SHARE_IMAGE_SPEC).url}"

    for language in LANGUAGES:
        doc = fetch(client, site_tree[key], language)
        assert doc.one("og:image") == default
        assert doc.one("twitter:card") == "summary_large_image"
    assert (
        fetch(client, site_tree[key], "en").one("og:image:alt") == "Women at a union meeting. Photo: Demo photographer"
    )

    # The page's own picture wins over the default.
    own = wagtail_factories.ImageFactory(title="Own", file__width=800, file__height=800, description_en="A market")
    page = site_tree[key]
    page.listing_image = own
    page.save_revision().publish()
    assert (
        fetch(client, page, "en").one("og:image") == f"http://testserver{own.get_rendition(seo.SHARE_IMAGE_SPEC).url}"
    )
