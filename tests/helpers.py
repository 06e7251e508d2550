"""Small helpers shared by the tests: addresses of a page in a language, what a page shows."""

import re

from django.utils import translation

LANGUAGES = ["en", "es", "fr", "pt"]
# The keys of the `site_tree` fixture: one page of every type.
PAGE_KEYS = [
    "home",
    "standard",
    "programme_index",
    "programme",
    "initiative_index",
    "initiative",
    "impact_index",
    "impact",
    "library",
    "publication",
]


def url_in(page, language):
    """The page's path in a language, e.g. /es/programas/proteccion-social/."""
    with translation.override(language):
        return page.url


def full_url(page, language):
    """The page's absolute address in a language, from the Site record."""
    with translation.override(language):
        return page.get_full_url()


def card_titles(html):
    """The titles of the listing cards on a page, in order."""
    return re.findall(r'<h[23] class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)


def switcher_hrefs(html):
    """{language: href} of the language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}
