"""News articles and blog posts: their pages in four languages, their filterable listings and
feeds, their JSON-LD, search, sitemap, the home page and the translators' tools."""

import datetime
import json

import polib
import pytest
from defusedxml import ElementTree as ET
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from lxml import html as lxml_html

from places.models import PageRegion
from tests import factories
from tests.helpers import LANGUAGES, card_titles, publish, search_page, switcher_hrefs, url_in
from translations import status
from translations.exchange import export

WORD = factories.LANGUAGE_WORDS


@pytest.fixture
def news(site_tree):
    home = site_tree["home"]
    africa = factories.RegionFactory(key="africa")
    tree = {"programme": site_tree["programme"], "africa": africa}
    tree["news_index"] = factories.NewsIndexPageFactory(parent=home, name="News")
    tree["blog_index"] = factories.BlogIndexPageFactory(parent=home, name="Blog")
    tree["tagged"] = factories.NewsArticlePageFactory(parent=tree["news_index"], name="Vendors win")
    tree["tagged"].display_date = datetime.date(2024, 6, 1)
    tree["tagged"].region_tags = [PageRegion(region=africa)]
    factories.tag(tree["tagged"], site_tree["programme"])
    tree["no_french"] = factories.NewsArticlePageFactory(parent=tree["news_index"], name="Census", missing=("fr",))
    tree["no_french"].display_date = datetime.date(2025, 6, 1)
    publish(tree["no_french"])
    tree["post"] = factories.BlogPostPageFactory(parent=tree["blog_index"], name="Why care counts")
    return tree


def get(client, url, status_code=200):
    response = client.get(url)
    assert response.status_code == status_code, (url, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize("key", ["news_index", "blog_index", "tagged", "post"])
def test_renders_in_four_languages_with_lang_and_switcher(client, news, key):
    page = news[key]
    for code in LANGUAGES:
        html = get(client, url_in(page, code))
        assert f'<html lang="{code}"' in html
        assert f"{page.title_en.rsplit(' ', 1)[0]} {WORD[code]}</h1>" in html
        assert switcher_hrefs(html) == {other: url_in(page, other) for other in LANGUAGES}


def test_a_post_missing_a_language_falls_back_to_english(client, news):
    html = get(client, url_in(news["no_french"], "fr"))
    assert '<html lang="fr"' in html
    assert '<h1 lang="en">Census English</h1>' in html
    assert "Introduction of Census in English" in html


def test_listing_filters_by_taxonomy_and_year(client, news):
    index = news["news_index"]
    url = url_in(index, "es")
    assert card_titles(get(client, url)) == ["Census Español", "Vendors win Español"]
    html = get(client, f"{url}?region=africa")
    assert card_titles(html) == ["Vendors win Español"]
    assert 'name="region" value="africa" checked' in html
    assert card_titles(get(client, f"{url}?programme={news['programme'].pk}")) == ["Vendors win Español"]
    assert card_titles(get(client, f"{url}?year=2025")) == ["Census Español"]
    # The switcher keeps the language-neutral filters.
    assert switcher_hrefs(get(client, f"{url}?region=africa"))["fr"] == f"{url_in(index, 'fr')}?region=africa"


@pytest.mark.parametrize("query", ["region=mars", "programme=x", "year=abcd", "year=3000", "page=zz", "region=%00"])
def test_bad_filter_values_give_a_message_not_an_error(client, news, query):
    html = get(client, f"{url_in(news['news_index'], 'fr')}?{query}")
    if not query.startswith("page"):
        assert "ont pas été reconnus et ont été ignorés." in html
    assert len(card_titles(html)) == 2


def test_empty_filters_redirect_to_the_clean_address(client, news):
    url = url_in(news["news_index"], "en")
    response = client.get(f"{url}?region=&year=2024&programme=")
    assert response.status_code == 302 and response["Location"] == f"{url}?year=2024"


def test_listing_queries_stay_flat(client, news, django_assert_max_num_queries):
    url = url_in(news["news_index"], "en")

    def count():
        with CaptureQueriesContext(connection) as captured:
            get(client, f"{url}?region=africa")
        return len(captured)

    few = count()
    for n in range(12):
        page = factories.NewsArticlePageFactory(parent=news["news_index"], name=f"More {n}")
        page.region_tags = [PageRegion(region=news["africa"])]
        factories.tag(page, news["programme"])
    assert count() <= few
    with django_assert_max_num_queries(few):
        get(client, f"{url}?region=africa&page=2")


def feed(client, index, language, fmt="rss", query=""):
    with translation.override(language):
        url = reverse("post_feed", kwargs={"pk": index.pk, "fmt": fmt})
    response = client.get(f"{url}?{query}" if query else url)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def test_feeds_per_language_with_filters(client, news):
    titles = [item.findtext("title") for item in feed(client, news["news_index"], "en").iter("item")]
    assert titles == ["Census English", "Vendors win English"]
    titles = [item.findtext("title") for item in feed(client, news["news_index"], "fr").iter("item")]
    assert titles == ["Vendors win Français"]  # the French feed leaves out what is not in French
    titles = [item.findtext("title") for item in feed(client, news["news_index"], "es", query="year=2025").iter("item")]
    assert titles == ["Census Español"]
    atom = feed(client, news["blog_index"], "pt", fmt="atom")
    assert [e.text for e in atom.iter("{http://www.w3.org/2005/Atom}title")][1:] == ["Why care counts Português"]
    html = get(client, url_in(news["news_index"], "pt"))
    assert f'href="/pt/feeds/posts/{news["news_index"].pk}/rss/"' in html
    with translation.override("en"):
        assert client.get(reverse("post_feed", kwargs={"pk": news["tagged"].pk, "fmt": "rss"})).status_code == 404


@pytest.mark.parametrize(("key", "schema_type"), [("tagged", "NewsArticle"), ("post", "BlogPosting")])
def test_json_ld_describes_the_post(client, news, key, schema_type):
    page = news[key]
    tree = lxml_html.fromstring(get(client, url_in(page, "es")))
    data = [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]
    (post,) = [item for item in data if item["@type"] == schema_type]
    assert post["headline"] == page.title_es
    assert post["inLanguage"] == "es"
    assert post["datePublished"] == page.display_date.isoformat()
    assert post["author"][0]["@type"] == "Organization"
    assert post["url"].endswith(url_in(page, "es"))
    assert tree.xpath('//meta[@property="og:type"]/@content') == ["article"]


def test_posts_are_found_by_search_in_their_language(client, news):
    assert "Vendors win Português" in search_page(client, "pt", "Vendors").content.decode()
    html = search_page(client, "fr", "Census").content.decode()
    assert "Census English" in html  # the English text stands in for the missing French


def test_posts_are_in_the_sitemap_in_their_languages(client, news):
    xml = client.get("/sitemap.xml").content.decode()
    for code in LANGUAGES:
        assert f"{url_in(news['post'], code)}</loc>" in xml
    assert f"{url_in(news['no_french'], 'fr')}</loc>" not in xml


def test_home_page_shows_the_latest_news(client, news):
    html = get(client, url_in(news["tagged"].get_parent().get_parent(), "fr"))
    assert "Vendors win Français" in card_titles(html)


def test_translators_status_and_exchange_cover_posts(news):
    from translations.models import LanguageStatus

    page = news["no_french"]
    assert {type(news[key]) for key in ("news_index", "blog_index", "tagged", "post")} <= set(status.tracked_models())
    rows = dict(LanguageStatus.objects.filter(item__page=page).values_list("language", "status"))
    assert rows["fr"] == "missing" and rows["es"] == "complete"
    po = polib.pofile(export.export_file(export.PAGE, "fr", page=page))
    sources = {entry.msgid for entry in po}
    assert {"Census English", "Introduction of Census in English", "<p>Body of Census in English</p>"} <= sources
