"""Renaming or moving a page keeps every language's old address working."""

import pytest
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect

from tests import factories
from tests.helpers import LANGUAGES


def urls_of(page):
    page.refresh_from_db()
    result = {}
    for code in LANGUAGES:
        with translation.override(code):
            result[code] = page.url
    return result


@pytest.fixture
def section(home):
    parent = factories.StandardPageFactory(parent=home, name="Cooperatives")
    child = factories.StandardPageFactory(parent=parent, name="Case study")
    return parent, child


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_renaming_a_slug_in_one_language_redirects_in_that_language(client, section, language):
    parent, child = section
    before_parent, before_child = urls_of(parent), urls_of(child)

    setattr(parent, f"slug_{language}", f"renamed-{language}")
    parent.save_revision().publish()

    after_parent, after_child = urls_of(parent), urls_of(child)
    assert after_parent[language] == f"/{language}/renamed-{language}/"
    assert after_child[language].startswith(after_parent[language])
    for code in LANGUAGES:
        if code != language:
            assert after_parent[code] == before_parent[code]
            assert after_child[code] == before_child[code]
    # Old addresses of the page and of its child redirect to the new ones, in that language.
    for old, new in [
        (before_parent[language], after_parent[language]),
        (before_child[language], after_child[language]),
    ]:
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == new
        assert client.get(new).status_code == 200


@pytest.mark.django_db
def test_renaming_every_language_redirects_every_language(client, section):
    parent, _child = section
    before = urls_of(parent)
    for code in LANGUAGES:
        setattr(parent, f"slug_{code}", f"new-{code}")
    parent.save_revision().publish()
    after = urls_of(parent)
    for code in LANGUAGES:
        response = client.get(before[code])
        assert (response.status_code, response["Location"]) == (301, after[code])


@pytest.mark.django_db
def test_renaming_twice_still_lands_on_the_current_address(client, section):
    parent, _child = section
    first = urls_of(parent)["es"]
    parent.slug_es = "segundo"
    parent.save_revision().publish()
    parent.slug_es = "tercero"
    parent.save_revision().publish()
    response = client.get(first)
    assert (response.status_code, response["Location"]) == (301, "/es/tercero/")


@pytest.mark.django_db
def test_moving_a_page_redirects_in_every_language(client, home, section):
    _parent, child = section
    other = factories.StandardPageFactory(parent=home, name="Elsewhere")
    before = urls_of(child)

    child.move(other, pos="last-child")

    after = urls_of(child)
    for code in LANGUAGES:
        assert after[code] != before[code]
        response = client.get(before[code])
        assert (response.status_code, response["Location"]) == (301, after[code])


@pytest.mark.django_db
def test_a_new_page_at_an_old_address_wins_over_the_redirect(client, section, home):
    parent, _child = section
    old = urls_of(parent)["en"]
    parent.slug_en = "moved-away"
    parent.save_revision().publish()
    newcomer = factories.StandardPageFactory(
        parent=home, name="Newcomer", slug_en=parent.slug_en.replace("moved-away", "cooperatives-en")
    )
    assert urls_of(newcomer)["en"] == old
    response = client.get(old)
    assert response.status_code == 200
    assert "Newcomer English" in response.content.decode()


@pytest.mark.django_db
def test_saving_without_changing_addresses_makes_no_redirect(section):
    parent, _child = section
    parent.title_fr = "Coopératives"
    parent.save_revision().publish()
    assert not Redirect.objects.exists()
