"""Editors preview a draft in each language, whatever language the admin itself runs in."""

import pytest
from wagtail.models import Page
from wagtail.users.models import UserProfile

from tests import factories
from tests.helpers import LANGUAGES, edit_url, read_form


def preview(client, page, changes, mode=None):
    """Post the edit form with `changes` to the preview view, then render it in `mode`."""
    data = read_form(client.get(edit_url(page)))
    for key, value in changes.items():
        data[key] = value
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(preview_url, data).json()["is_valid"]
    return client.get(preview_url, {"mode": mode} if mode else {})


@pytest.fixture
def draft_page(home):
    return factories.StandardPageFactory(parent=home, name="Child care")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_preview_in_each_language(admin_client, draft_page, language):
    changes = {f"title_{code}": f"Draft title {code}" for code in LANGUAGES}
    response = preview(admin_client, draft_page, changes, mode=language)
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert f"<h1>Draft title {language}</h1>" in html
    # The draft is not published.
    assert Page.objects.get(pk=draft_page.pk).specific.title_en == "Child care English"


@pytest.mark.django_db
def test_default_preview_is_english_even_from_a_spanish_admin(admin_client, django_user_model, draft_page):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "es"
    profile.save()
    response = preview(admin_client, draft_page, {"title_es": "Borrador", "title_en": "Draft"})
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "<h1>Draft</h1>" in html
    html = preview(admin_client, draft_page, {"title_es": "Borrador"}, mode="es").content.decode()
    assert "<h1>Borrador</h1>" in html


@pytest.mark.django_db
def test_preview_modes_are_the_four_languages(draft_page):
    assert [code for code, _name in draft_page.preview_modes] == LANGUAGES
    assert draft_page.default_preview_mode == "en"
