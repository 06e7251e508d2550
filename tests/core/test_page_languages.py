"""A page lacking a language: English fallback with a notice, lang="en", canonical to English,
and left out of that language's alternates."""

import re

import pytest
from django.utils import translation

from core import page_languages as languages
from tests import factories
from tests.helpers import url_in


@pytest.fixture
def untranslated(home):
    """A page written in English and Spanish only."""
    return factories.StandardPageFactory(parent=home, name="Cooperatives", missing=("fr", "pt"))


@pytest.mark.django_db
def test_languages_of_a_page(untranslated):
    assert languages.page_languages(untranslated) == ["en", "es"]


@pytest.mark.django_db
def test_title_without_main_text_does_not_count(home):
    page = factories.StandardPageFactory(parent=home, name="Half done", body_fr=[])
    assert "fr" not in languages.page_languages(page)
    assert languages.page_languages(page) == ["en", "es", "pt"]


@pytest.mark.django_db
@pytest.mark.parametrize("language,notice", [("fr", "français"), ("pt", "português")])
def test_fallback_page_answers_with_english_and_a_notice(client, untranslated, language, notice):
    response = client.get(url_in(untranslated, language))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert 'class="notice"' in html
    # The English parts are marked as English.
    assert '<h1 lang="en">Cooperatives English</h1>' in html
    assert re.search(r'<div class="body" lang="en">.*Body of Cooperatives in English', html, re.S)
    # Canonical points at the English page; alternates list only the real translations.
    with translation.override("en"):
        english = untranslated.get_full_url()
    assert f'<link rel="canonical" href="{english}">' in html
    hreflangs = re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', html)
    assert hreflangs == ["en", "es", "x-default"]


@pytest.mark.django_db
def test_translated_language_has_no_notice_and_its_own_canonical(client, untranslated):
    html = client.get(url_in(untranslated, "es")).content.decode()
    assert 'class="notice"' not in html
    assert "<h1>Cooperatives Español</h1>" in html
    with translation.override("es"):
        assert f'<link rel="canonical" href="{untranslated.get_full_url()}">' in html


@pytest.mark.django_db
def test_switcher_marks_languages_the_page_lacks(client, untranslated):
    html = client.get(url_in(untranslated, "es")).content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert nav.count("language-switcher__missing") == 2


@pytest.mark.django_db
def test_listing_marks_english_fallback_items(client, home):
    index = factories.InitiativeIndexPageFactory(parent=home, name="Initiatives")
    factories.InitiativePageFactory(parent=index, name="Exposure Dialogues", missing=("pt",))
    html = client.get(url_in(index, "pt")).content.decode()
    # Cards sit under the group's heading ("Special initiatives"), so they are h3.
    assert '<h3 class="card__title" lang="en"><a href="' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "accept,expected",
    [
        ("es-ES,es;q=0.9,en;q=0.5", "/es/"),
        ("pt-BR,pt;q=0.9", "/pt/"),
        ("fr", "/fr/"),
        ("de-DE,de", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_browser_language(client, home, accept, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200
