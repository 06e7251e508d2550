"""Listing cards: the text they show when the teaser is empty, and which types show a date."""

import re

import pytest

from tests import factories
from tests.helpers import LANGUAGES, url_in

WORD = factories.LANGUAGE_WORDS
NO_TEASER = {f"teaser_{code}": "" for code in LANGUAGES}


def card_of(html, title):
    """The markup of the card whose title contains `title`."""
    for card in html.split('<article class="card">')[1:]:
        if title in card.split("</article>")[0]:
            return card.split("</article>")[0]
    raise AssertionError(f"no card for {title}")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_publication_with_only_title_and_summary_shows_its_summary(client, home, language):
    library = factories.PublicationIndexPageFactory(parent=home, name="Library")
    factories.PublicationPageFactory(parent=library, name="New brief", **NO_TEASER)

    card = card_of(client.get(url_in(library, language)).content.decode(), "New brief")

    assert f'<p class="card__teaser">Summary of New brief in {WORD[language]}</p>' in card


@pytest.mark.django_db
def test_the_summary_falls_back_to_english_like_other_fields(client, home):
    library = factories.PublicationIndexPageFactory(parent=home, name="Library")
    factories.PublicationPageFactory(parent=library, name="New brief", summary_fr="", **NO_TEASER)

    french = card_of(client.get(url_in(library, "fr")).content.decode(), "New brief")
    spanish = card_of(client.get(url_in(library, "es")).content.decode(), "New brief")

    assert '<p class="card__teaser" lang="en">Summary of New brief in English</p>' in french
    assert '<p class="card__teaser">Summary of New brief in Español</p>' in spanish


@pytest.mark.django_db
def test_a_teaser_in_english_does_not_hide_a_summary_in_the_visitors_language(client, home):
    library = factories.PublicationIndexPageFactory(parent=home, name="Library")
    factories.PublicationPageFactory(parent=library, name="New brief", teaser_pt="")

    card = card_of(client.get(url_in(library, "pt")).content.decode(), "New brief")

    assert '<p class="card__teaser">Summary of New brief in Português</p>' in card


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_initiative_without_teaser_shows_its_introduction(client, site_tree, language):
    initiative = site_tree["initiative"]
    for code in LANGUAGES:
        setattr(initiative, f"teaser_{code}", "")
    initiative.save_revision().publish()

    card = card_of(client.get(url_in(site_tree["initiative_index"], language)).content.decode(), "Child Care")

    assert f'<p class="card__teaser">Introduction of Child Care in {WORD[language]}</p>' in card


@pytest.mark.django_db
def test_programme_cards_show_no_date_and_other_cards_do(client, site_tree):
    programmes = client.get(url_in(site_tree["programme_index"], "en")).content.decode()
    library = client.get(url_in(site_tree["library"], "en")).content.decode()

    assert "card__date" not in card_of(programmes, "Social Protection")
    assert re.search(r'<p class="card__date"><time datetime="\d{4}-\d\d-\d\d">', card_of(library, "Working Paper"))
