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


# -- site search ---------------------------------------------------------------------------------
SEARCH_RESULT_LINK = re.compile(r'<h3 class="search-result__title"[^>]*><a href="([^"]+)">')
RECYCLERS_BODY = {
    "en": "Waste pickers recycle cardboard in Pune.",
    "es": "Las recicladoras separan cartón en Bogotá.",
    "fr": "Les récupératrices trient le papier à Dakar.",
    "pt": "As catadoras separam papelão em Belo Horizonte.",
}


def user_in_groups(django_user_model, name, *groups):
    """A user in the named groups (Translators, Translators: Spanish, Moderators...: made by the
    migrations), password "password"."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(name, f"{name}@example.org", "password")
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def publish(page):
    page.save_revision().publish()
    return page


def search_page(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


def found(client, language, query, **params):
    """Addresses of the search results, in order."""
    return SEARCH_RESULT_LINK.findall(search_page(client, language, query, **params).content.decode())


def result_item(html, url):
    """The markup of the search result that links to `url`."""
    for item in html.split('<li class="search-result')[1:]:
        if f'href="{url}"' in item:
            return item.split("</li>")[0]
    raise AssertionError(f"{url} is not among the results")


def recyclers_page(parent, **kwargs):
    """A published page with a different text in each language (RECYCLERS_BODY)."""
    from tests import factories

    body = {f"body_{code}": factories.paragraph(text) for code, text in RECYCLERS_BODY.items()}
    return publish(factories.StandardPageFactory(parent=parent, name="Recyclers", **body, **kwargs))
