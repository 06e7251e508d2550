"""Countries by ISO 3166-1 alpha-2 code, with their names in every language of the site.

The names come from django-countries (pinned in requirements.txt), never typed here: a country
is stored as its code ("GH") and named at display time in the active language ("Ghana",
"Ghana", "Ghana", "Gana"). Everything that has a country (focal cities, events, the statistics
and directory pages) uses this module, so the codes and names are the same everywhere.
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

import languages


def choices():
    """(code, name) of every country in the active language, sorted by name (a form's choices)."""
    return [(code, str(name)) for code, name in countries]


def is_country(code: str) -> bool:
    return bool(code) and code.upper() in countries


def name(code: str, language: str | None = None) -> str:
    """The country's name in `language` (the active one by default); "" for an unknown code."""
    if not is_country(code):
        return ""
    with translation.override(language or translation.get_language()):
        return str(countries.name(code.upper()))


def names(code: str) -> dict[str, str]:
    """{language: name} in every language of the site."""
    return {language: name(code, language) for language in languages.LANGUAGE_CODES}


def country_field(**kwargs) -> models.CharField:
    """A model field holding an ISO 3166 code, offered by name in the editor's language."""
    options = {"verbose_name": _("country"), "max_length": 2, "choices": choices, "blank": True, **kwargs}
    return models.CharField(**options)
