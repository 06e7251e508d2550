"""The site's languages: one record per language, and everything derived from the list.

This is the lowest layer of the site. Settings (`LANGUAGES`, `MODELTRANSLATION_LANGUAGES`,
`WAGTAILADMIN_PERMITTED_LANGUAGES`, ...) and every other use (Open Graph locales, PostgreSQL
text-search configurations, citation language names, the per-language field names) read it, so a
language is added or changed here and nowhere else. It imports nothing of the site and no Django
model, so settings can import it.
"""

from __future__ import annotations

from dataclasses import dataclass

# The language's name in the visitor's language: lazy, so settings can hold it; `_` so that
# `makemessages` puts the names in the catalogues.
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Language:
    code: str  # address prefix (/es/) and column suffix (title_es)
    native_name: str  # the language's name in itself, for the language switcher
    name: str  # its name in the active language ("French" on /en/, "francés" on /es/)
    og_locale: str  # Open Graph locale (language_TERRITORY)
    text_search_config: str  # PostgreSQL text-search configuration for its text
    citation_name: str  # BibTeX/RIS `language` value
    admin_code: str  # the Wagtail admin catalogue used for it


REGISTRY: tuple[Language, ...] = (
    Language("en", "English", _("English"), "en_GB", "english", "english", "en"),
    # Spanish and Portuguese readers are mostly in Latin America and Brazil; es_LA is the territory
    # Facebook uses for Latin American Spanish.
    Language("es", "Español", _("Spanish"), "es_LA", "spanish", "spanish", "es"),
    Language("fr", "Français", _("French"), "fr_FR", "french", "french", "fr"),
    # Wagtail ships Portuguese as pt_BR and pt_PT, not "pt": the admin offers pt-br; gettext falls
    # back from pt_BR to the site's own "pt" catalogue, and modeltranslation maps pt-br to "_pt".
    Language("pt", "Português", _("Portuguese"), "pt_BR", "portuguese", "portuguese", "pt-br"),
)

SOURCE_LANGUAGE: str = REGISTRY[0].code  # English: every text is written in it first; the fallback
LANGUAGE_CODES: tuple[str, ...] = tuple(language.code for language in REGISTRY)
TARGET_LANGUAGES: tuple[str, ...] = LANGUAGE_CODES[1:]  # what translators fill
_BY_CODE = {language.code: language for language in REGISTRY}


def get(code: str) -> Language:
    """The language with this code (KeyError for one the site does not have)."""
    return _BY_CODE[code]


def is_language(code: object) -> bool:
    return isinstance(code, str) and code in _BY_CODE


def django_languages() -> list[tuple[str, str]]:
    """`settings.LANGUAGES`: (code, native name)."""
    return [(language.code, language.native_name) for language in REGISTRY]


def admin_languages() -> list[tuple[str, str]]:
    """`settings.WAGTAILADMIN_PERMITTED_LANGUAGES`: the admin's catalogue codes."""
    return [(language.admin_code, language.native_name) for language in REGISTRY]


def names() -> dict[str, str]:
    """{code: name in the active language}, for labels."""
    return {language.code: language.name for language in REGISTRY}


def localized_field(field_name: str, code: str) -> str:
    """The column of one language of a translated field: `title` + `es` → `title_es`."""
    return f"{field_name}_{code.replace('-', '_')}"


def localized_fields(field_name: str, codes: tuple[str, ...] | list[str] = LANGUAGE_CODES) -> list[str]:
    """Every language's column of a translated field, English first."""
    return [localized_field(field_name, code) for code in codes]
