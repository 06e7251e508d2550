"""Which languages a page has, and what follows from it.

This is the one module (besides the translation tools) that reads the per-language columns
(`title_es`, `body_fr`, ...) directly. Everything else reads `page.title`, which
django-modeltranslation resolves to the active language with English as the fallback.

A page *has* a language when its title and its main text are filled in that language. Every
page answers in all four languages; in a language it lacks it shows the English text with a
notice, marks the English parts `lang="en"`, points its canonical URL at the English page and is
left out of that language's alternates.
"""

from contextlib import contextmanager

from django.db.models import Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

import languages
from core import query_strings
from languages import LANGUAGE_CODES, SOURCE_LANGUAGE


def is_filled(value):
    """True when a stored value counts as written (StreamValues count by their blocks)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    try:
        return len(value) > 0
    except TypeError:
        return True


def field_value(obj, field_name, language):
    """The value stored for one language, without falling back to English."""
    return getattr(obj, build_localized_fieldname(field_name, language), None)


def main_text_fields(page):
    """The fields that, with the title, make a page 'written' in a language."""
    return ["title", *getattr(page.specific_class or type(page), "main_text_fields", ())]


def page_has_language(page, language):
    if language == SOURCE_LANGUAGE:
        return True
    return all(is_filled(field_value(page, name, language)) for name in main_text_fields(page))


def page_languages(page):
    """The languages a page is really available in, English first."""
    return [code for code in LANGUAGE_CODES if page_has_language(page, code)]


def displayed_language(obj, field_name, language=None):
    """The language a field is shown in: the active one if filled, else English (the fallback)."""
    language = language or translation.get_language()
    if language != SOURCE_LANGUAGE and not is_filled(field_value(obj, field_name, language)):
        return SOURCE_LANGUAGE
    return language


def first_filled(obj, field_names, language=None):
    """(value, language) of the first of `field_names` filled in the language, else of the first
    filled in English; ("", language) when none is. Fields the object lacks are skipped."""
    language = language or translation.get_language()
    names = [name for name in field_names if hasattr(obj, build_localized_fieldname(name, SOURCE_LANGUAGE))]
    for code in dict.fromkeys([language, SOURCE_LANGUAGE]):
        for name in names:
            value = field_value(obj, name, code)
            if is_filled(value):
                return value, code
    return "", language


@contextmanager
def in_source_language():
    """Run code as if the visitor (or editor) used English.

    wagtail-modeltranslation writes `page.title` into the column of the *active* language and
    reads the base columns (`title`, `slug`, `url_path`, `draft_title`) through the active
    language too. Saving a page while the admin runs in Spanish would therefore put Spanish into
    the base columns that the page explorer, routing and search index use. Saves run inside this
    context so the base columns always hold English.
    """
    with translation.override(SOURCE_LANGUAGE):
        yield


def page_url(page, language, request=None):
    """The page's path in one language (with that language's prefix and slugs)."""
    with translation.override(language):
        return page.get_url(request=request)


def page_full_url(page, language, request=None):
    with translation.override(language):
        return page.get_full_url(request=request)


def canonical_url(page, request=None):
    """The canonical address: this language's own URL if the page has it, English otherwise."""
    language = translation.get_language()
    if not page_has_language(page, language):
        language = SOURCE_LANGUAGE
    return page_full_url(page, language, request)


def alternates(page, request=None):
    """(language, absolute URL) for every language the page really has, for hreflang."""
    return [(code, page_full_url(page, code, request)) for code in page_languages(page)]


def switcher_links(page, request):
    """One entry per language for the language switcher: same page, same query string (without
    empty parameters)."""
    query = query_strings.without_empty(request.GET).urlencode() if request is not None else ""
    available = set(page_languages(page))
    current = translation.get_language()
    links = []
    for language in languages.REGISTRY:
        code, name = language.code, language.native_name
        url = page_url(page, code, request)
        if query:
            url = f"{url}?{query}"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "is_available": code in available,
            }
        )
    return links


def shown_value_expression(field_name, language=None):
    """SQL for the value a visitor sees: the language's column, else English (for ordering)."""
    language = language or translation.get_language()
    english = build_localized_fieldname(field_name, SOURCE_LANGUAGE)
    if language == SOURCE_LANGUAGE:
        return Coalesce(english, Value(""))
    own = build_localized_fieldname(field_name, language)
    return Coalesce(NullIf(own, Value("")), english, Value(""))


def slug_match_q(slug, language=None):
    """Q for pages whose slug in `language` is `slug`, English standing in for an empty slug
    (the same fallback wagtail-modeltranslation applies when it builds the url_path)."""
    language = language or translation.get_language()
    english = build_localized_fieldname("slug", SOURCE_LANGUAGE)
    if language == SOURCE_LANGUAGE:
        return Q(**{english: slug})
    own = build_localized_fieldname("slug", language)
    empty = Q(**{f"{own}__isnull": True}) | Q(**{own: ""})
    return Q(**{own: slug}) | (empty & Q(**{english: slug}))


def url_path_fields():
    return [build_localized_fieldname("url_path", code) for code in LANGUAGE_CODES]
