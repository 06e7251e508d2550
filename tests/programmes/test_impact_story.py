"""An impact story's facts read like the text around them."""

import pytest

from tests import factories
from tests.helpers import url_in

PEOPLE_REACHED = {"en": "12,500", "es": "12\xa0500", "fr": "12\xa0500", "pt": "12.500"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", PEOPLE_REACHED)
def test_people_reached_is_grouped_as_the_language_writes_numbers(client, home, language):
    index = factories.ImpactIndexPageFactory(parent=home, name="Impact")
    story = factories.ImpactStoryPageFactory(parent=index, name="Ghana", people_reached=12500, year=2012)

    html = client.get(url_in(story, language)).content.decode()

    assert f"<dd>{PEOPLE_REACHED[language]}</dd>" in html
    assert "<dd>2012</dd>" in html  # a year is not a quantity
