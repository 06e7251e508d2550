"""The admin runs in each editor's chosen language (Wagtail's own translations plus ours), and
that choice never leaks into the content: saves still keep English in the base columns."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.users.models import UserProfile

from tests.factories import StandardPageFactory
from tests.helpers import edit_url, read_form
from tests.wiegosite.test_admin_language import base_columns
from wiegosite.models import StandardPage

pytestmark = pytest.mark.django_db

# (admin language, a Wagtail string in it, our "Translation" tab in it)
ADMIN = {
    "es": ("Guardar borrador", "Traducción"),
    "fr": ("Enregistrer le brouillon", "Traduction"),
    "pt-br": ("Salvar rascunho", "Tradução"),
}


def client_in(django_user_model, language):
    user = django_user_model.objects.create_superuser(f"user-{language}", f"{language}@example.org", "password")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", list(ADMIN))
def test_admin_runs_in_the_chosen_language_and_saves_stay_english(django_user_model, home, language):
    client = client_in(django_user_model, language)
    page = StandardPageFactory(parent=home, name="Market traders")
    response = client.get(edit_url(page))
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    wagtail_string, our_tab = ADMIN[language]
    assert wagtail_string in html
    soup = BeautifulSoup(html, "html.parser")
    tabs = [tab.get_text(strip=True).removesuffix("()") for tab in soup.select('[role="tab"]')]
    assert our_tab in tabs
    data = read_form(response)
    data["title_pt"] = "Comerciantes de mercado"
    data["action-publish"] = "action-publish"
    assert client.post(edit_url(page), data).status_code == 302
    stored = StandardPage.objects.get(pk=page.pk)
    assert stored.title_pt == "Comerciantes de mercado"
    assert base_columns(page)["title"] == "Market traders English"
    assert base_columns(page)["draft_title"] == "Market traders English"


def test_portuguese_is_offered_in_the_account_settings(django_user_model):
    client = client_in(django_user_model, "en")
    html = client.get("/admin/account/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    options = {option["value"] for option in soup.select('select[name="locale-preferred_language"] option')}
    assert {"en", "es", "fr", "pt-br"} <= options
