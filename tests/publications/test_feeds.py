"""RSS and Atom feeds of the library (with filters) and of a programme, per language."""

import pytest
from defusedxml import ElementTree as ET
from django.urls import reverse
from django.utils import translation

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url(name, language, query="", **kwargs):
    with translation.override(language):
        url = reverse(name, kwargs=kwargs)
    return f"{url}?{query}" if query else url


def rss_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, [item.findtext("title") for item in channel.findall("item")]


@pytest.mark.django_db
def test_library_rss_in_english(client, library):
    channel, titles = rss_titles(client, feed_url("library_feed", "en", fmt="rss"))
    assert channel.findtext("language") == "en"
    assert titles[:2] == ["Counting workers English", "Child care English"]
    assert len(titles) == 5


@pytest.mark.django_db
def test_feed_in_a_language_leaves_out_pages_lacking_it(client, library):
    channel, titles = rss_titles(client, feed_url("library_feed", "es", fmt="rss"))
    assert channel.findtext("language") == "es"
    assert "African cities English" not in titles
    assert set(titles) == {"Contar", "Cuidado", "Seguro", "Ambulantes"}
    link = ET.fromstring(client.get(feed_url("library_feed", "es", fmt="rss")).content).find("channel/item/link").text
    assert "/es/" in link


@pytest.mark.django_db
def test_library_feed_with_filters(client, library):
    _channel, titles = rss_titles(client, feed_url("library_feed", "en", "series=wiego-brief&language=es", fmt="rss"))
    assert titles == ["Child care English", "Vendors in Lima English"]


@pytest.mark.django_db
def test_atom_feed_parses(client, library):
    response = client.get(feed_url("library_feed", "fr", fmt="atom"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4  # the English-only page is left out in French
    assert all(entry.find(f"{ATOM}updated") is not None for entry in entries)


@pytest.mark.django_db
def test_programme_feed(client, library):
    pk = library["statistics"].pk
    _channel, titles = rss_titles(client, feed_url("programme_feed", "en", pk=pk, fmt="rss"))
    assert titles == ["Counting workers English", "African cities English", "Vendors in Lima English"]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["json", "xml", "rss2"])
def test_unknown_feed_format_is_404(client, library, fmt):
    assert client.get(feed_url("library_feed", "en", fmt=fmt)).status_code == 404


@pytest.mark.django_db
def test_unknown_programme_feed_is_404(client, library):
    assert client.get(feed_url("programme_feed", "en", pk=999999, fmt="rss")).status_code == 404


@pytest.mark.django_db
def test_pages_link_to_their_feeds(client, library):
    with translation.override("es"):
        url = library["library"].url
    html = client.get(url, {"series": "wiego-brief", "page": "2"}).content.decode()
    assert f'href="{feed_url("library_feed", "es", fmt="rss")}?series=wiego-brief"' in html
    with translation.override("es"):
        url = library["social"].url
    html = client.get(url).content.decode()
    assert f'href="{feed_url("programme_feed", "es", pk=library["social"].pk, fmt="atom")}"' in html
