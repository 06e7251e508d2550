"""Dates read as each language writes them: British English, Portuguese months in lower case."""

import datetime

import pytest

from tests import factories
from tests.helpers import url_in

EXPECTED = {
    "en": ["1 May 2023", "10 December 2012"],
    "es": ["1 de mayo de 2023", "10 de diciembre de 2012"],
    "fr": ["1 mai 2023", "10 décembre 2012"],
    "pt": ["1 de maio de 2023", "10 de dezembro de 2012"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", EXPECTED)
def test_dates_on_the_library_and_a_publication(client, home, language):
    library = factories.PublicationIndexPageFactory(parent=home, name="Library")
    recent = factories.PublicationPageFactory(parent=library, name="Recent", display_date=datetime.date(2023, 5, 1))
    factories.PublicationPageFactory(parent=library, name="Old", display_date=datetime.date(2012, 12, 10))

    listing = client.get(url_in(library, language)).content.decode()
    page = client.get(url_in(recent, language)).content.decode()

    for text in EXPECTED[language]:
        assert f">{text}</time>" in listing
    assert f'<time datetime="2023-05-01">{EXPECTED[language][0]}</time>' in page


@pytest.mark.django_db
def test_english_keeps_its_code_and_addresses(client, home):
    response = client.get(url_in(home, "en"))
    assert url_in(home, "en").startswith("/en/")
    assert '<html lang="en"' in response.content.decode()
