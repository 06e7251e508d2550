"""Free text in query strings (the library's text filter and its feeds, site search, the
translators' report) gets a normal answer whatever it holds: NUL and other control characters,
lone surrogates, 10,000 characters. One cleaning function (core.query_strings.clean_free_text)
runs before any of them reaches the database, so this holds on PostgreSQL as on SQLite."""

import re

import pytest
from lxml import etree

from tests import factories
from tests.helpers import LANGUAGES, case, publish, url_in

pytestmark = pytest.mark.django_db

# Raw query-string values, as a browser or a script would send them.
HOSTILE = {
    "nul": "street%00vendors",
    "controls": "street%01%1F%7F%C2%85vendors",
    "surrogate": "street%ED%A0%80vendors",  # UTF-8 bytes of the lone surrogate U+D800
    "long": "street+vendors+" + "x" * 10_000,
}
NOTICE = 'class="notice" role="status"'  # the library's and search's "text shortened" notices


@pytest.fixture
def library(home):
    index = factories.PublicationIndexPageFactory(parent=home, name="Library")
    publish(factories.PublicationPageFactory(parent=index, name="Street vendors"))
    publish(factories.PublicationPageFactory(parent=index, name="Domestic workers"))
    return index


def no_raw_text(html):
    """No NUL, control character or surrogate went back out in the page (or its links)."""
    assert not re.search(r"%00|%01|%1F|%7F|%ED%A0%80|[\x00-\x08\x0b\x0e-\x1f\x7f]", html, re.I)
    assert "x" * 201 not in html


def test_library_text_filter(client, library):
    for language in LANGUAGES:
        url = url_in(library, language)
        for name, value in HOSTILE.items():
            with case(f"{language} {name}"):
                response = client.get(f"{url}?q={value}")
                assert response.status_code == 200
                html = response.content.decode()
                no_raw_text(html)
                # The text as searched: the bad characters became a space or went away.
                shown = re.search(r'id="library-q" name="q" value="([^"]*)"', html).group(1)
                if name == "long":
                    assert shown.startswith("street vendors x") and len(shown) == 200
                    assert NOTICE in html
                elif name == "surrogate":
                    assert shown == "streetvendors"
                else:
                    assert shown == "street vendors"
                    assert "Domestic workers" not in html.split("<main", 1)[1]


def test_library_feeds(client, library):
    for language in LANGUAGES:
        for kind in ("rss", "atom"):
            for name, value in HOSTILE.items():
                with case(f"{language} {kind} {name}"):
                    response = client.get(f"/{language}/feeds/library/{kind}/?q={value}")
                    assert response.status_code == 200
                    feed = etree.fromstring(response.content)  # well-formed XML
                    no_raw_text(response.content.decode())
                    if name in ("nul", "controls"):
                        assert b"Street vendors" in response.content
                        assert b"Domestic workers" not in response.content
                    assert feed is not None


def test_site_search(client, library):
    for language in LANGUAGES:
        for name, value in HOSTILE.items():
            with case(f"{language} {name}"):
                response = client.get(f"/{language}/search/?q={value}")
                assert response.status_code == 200
                html = response.content.decode()
                no_raw_text(html)
                shown = re.search(r'id="search-page-query" name="q" value="([^"]*)"', html).group(1)
                if name == "long":
                    assert NOTICE in html
                elif name == "surrogate":
                    assert shown == "streetvendors"  # not "street\ufffd\ufffd\ufffdvendors"
                else:
                    assert shown == "street vendors"
                if name in ("nul", "controls"):
                    assert url_in(library.get_children().get(title_en__startswith="Street").specific, language) in html


def test_translation_report_title_filter(admin_client, library):
    for name, value in HOSTILE.items():
        with case(name):
            response = admin_client.get(f"/admin/translations/status/?q={value}")
            assert response.status_code == 200
            html = response.content.decode()
            no_raw_text(html)
            if name in ("nul", "controls"):
                # Filtered by the cleaned title: the one page whose title holds it.
                assert "Street vendors English" in html
                assert "Domestic workers English" not in html
