"""Countries by ISO 3166 code, named in every language from the library's data (core.countries)."""

from django.utils import translation

from core import countries


def test_names_in_every_language():
    assert countries.names("ZA") == {
        "en": "South Africa",
        "es": "Sudáfrica",
        "fr": "Afrique du Sud",
        "pt": "África do Sul",
    }
    assert countries.name("PE", "fr") == "Pérou"
    assert countries.name("gh", "pt") == "Gana"


def test_unknown_codes_have_no_name():
    assert not countries.is_country("XX")
    assert countries.name("XX") == ""
    assert countries.name("") == ""


def test_choices_follow_the_active_language():
    with translation.override("es"):
        choices = dict(countries.choices())
    assert choices["CI"] == "Côte d’Ivoire" or choices["CI"].startswith("C")
    assert choices["IN"] == "India"
    assert len(choices) >= 249
