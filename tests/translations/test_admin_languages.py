"""The admin runs in each person's chosen language (Wagtail's own translations plus ours), and that
choice never leaks into the content: what editors save in the base columns, and what a Spanish
translator's edit changes.

wagtail-modeltranslation reads and writes `page.title`, `slug`, `url_path` through the active
language's column, and the admin activates the person's own language. The site keeps the base
columns (`title`, `slug`, `url_path`, `draft_title` of wagtailcore_page, used by the page
explorer, routing and search) in English whatever the admin language
(`core.page_languages.in_source_language`).
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data

from standard_pages.models import StandardPage
from tests.factories import LANGUAGE_WORDS as WORD
from tests.factories import StandardPageFactory
from tests.helpers import (
    LANGUAGES,
    add_url,
    edit_url,
    editor_paragraph,
    form_errors,
    logged_in,
    make_user,
    paragraphs_of,
    post_form,
    public_page,
    read_form,
    url_in,
)

pytestmark = pytest.mark.django_db

BASE_COLUMNS = ("title", "slug", "url_path", "draft_title")

# (admin language, a Wagtail string in it, our "Translation" tab in it)
ADMIN = {
    "es": ("Guardar borrador", "Traducción"),
    "fr": ("Enregistrer le brouillon", "Traduction"),
    "pt-br": ("Salvar rascunho", "Tradução"),
}


@pytest.fixture
def spanish_editor(django_user_model):
    """A client logged in as an editor who may publish (the Moderators group; Wagtail's Editors
    only submit drafts), whose admin runs in Spanish."""
    return logged_in(make_user(django_user_model, "editora", "Moderators", admin_language="es"))


def base_columns(page):
    """The base columns as the ORM gives them with English active (modeltranslation rewrites
    `values("title")` to the active language's column, so English must be active) and as
    stored, read with raw SQL."""
    with translation.override("en"):
        orm = Page.objects.filter(pk=page.pk).values(*BASE_COLUMNS).get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, slug, draft_title, url_path FROM wagtailcore_page WHERE id = %s", [page.pk])
        title, slug, draft_title, url_path = cursor.fetchone()
    raw = {"title": title, "slug": slug, "url_path": url_path, "draft_title": draft_title}
    assert orm == raw, "the ORM with English active and the stored base columns disagree"
    return raw


def explorer_title(client, parent, page):
    """The title the admin's page explorer shows for `page` among the children of `parent`."""
    response = client.get(f"/admin/pages/{parent.pk}/")
    assert response.status_code == 200
    node = BeautifulSoup(response.content, "html.parser").find(id=f"page_{page.pk}_title")
    assert node is not None, f"page {page.pk} not listed"
    return node.get_text(strip=True)


def stored_row(model, page, languages):
    """Every per-language column of `languages` of the page's base row and its page type's row,
    read with raw SQL."""
    rows = {}
    for table_model, key in ((Page, "id"), (model, model._meta.pk.column)):
        columns = [
            field.column
            for field in table_model._meta.local_concrete_fields
            if any(field.name.endswith(f"_{code}") for code in languages)
        ]
        table = connection.ops.quote_name(table_model._meta.db_table)
        quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {quoted} FROM {table} WHERE {key} = %s", [page.pk])  # noqa: S608
            rows.update(zip((f"{table_model._meta.db_table}.{c}" for c in columns), cursor.fetchone(), strict=True))
    return rows


# -- the admin in each language ----------------------------------------------------------------


@pytest.mark.parametrize("language", list(ADMIN))
def test_admin_runs_in_the_chosen_language_and_saves_stay_english(django_user_model, home, language):
    client = logged_in(make_user(django_user_model, f"user-{language}", superuser=True, admin_language=language))
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
    client = logged_in(make_user(django_user_model, "someone", superuser=True))
    html = client.get("/admin/account/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    options = {option["value"] for option in soup.select('select[name="locale-preferred_language"] option')}
    assert {"en", "es", "fr", "pt-br"} <= options


# -- base columns stay English when the admin runs in Spanish ------------------------------------


def test_a_page_created_in_a_spanish_admin_keeps_english_base_columns(spanish_editor, home):
    changes = {}
    for code in LANGUAGES:
        changes[f"title_{code}"] = f"Trabajo decente {WORD[code]}"
        changes[f"slug_{code}"] = f"trabajo-decente-{code}"
        changes.update(nested_form_data({f"body_{code}": editor_paragraph(f"Texto {WORD[code]}")}))

    response = post_form(spanish_editor, add_url(StandardPage, home), changes)

    assert response.status_code == 302, form_errors(response)
    page = StandardPage.objects.get(slug_en="trabajo-decente-en")
    assert page.live
    assert base_columns(page) == {
        "title": "Trabajo decente English",
        "slug": "trabajo-decente-en",
        "url_path": "/home/trabajo-decente-en/",
        "draft_title": "Trabajo decente English",
    }
    # The explorer lists pages by their draft title, the English base column, whatever the
    # admin language.
    assert explorer_title(spanish_editor, home, page) == "Trabajo decente English"
    # Every language's own columns and address are still its own.
    for code in LANGUAGES:
        assert getattr(page, f"title_{code}") == f"Trabajo decente {WORD[code]}"
        assert url_in(page, code).endswith(f"/trabajo-decente-{code}/")
        assert f"Trabajo decente {WORD[code]}</h1>" in public_page(spanish_editor, page, code)


@pytest.mark.parametrize("publish", [True, False], ids=["publish", "draft"])
def test_a_page_edited_in_a_spanish_admin_keeps_english_base_columns(spanish_editor, site_tree, publish):
    page = site_tree["standard"]
    changes = {
        "title_en": "What We Really Do",
        "title_es": "Lo que realmente hacemos",
        "slug_es": "lo-que-hacemos",
        **nested_form_data({"body_es": editor_paragraph("Nuevo texto")}),
    }

    response = post_form(spanish_editor, edit_url(page), changes, publish=publish)

    assert response.status_code == 302, form_errors(response)
    page = StandardPage.objects.get(pk=page.pk)
    if publish:
        expected = {"title": "What We Really Do", "slug": "what-we-do-en", "url_path": "/home/what-we-do-en/"}
        assert page.title_es == "Lo que realmente hacemos"
        assert page.slug_es == "lo-que-hacemos"
    else:  # the live columns are untouched; the draft title is the draft's English title
        expected = {"title": "What We Do English", "slug": "what-we-do-en", "url_path": "/home/what-we-do-en/"}
        assert page.title_es == "What We Do Español"
        assert page.get_latest_revision_as_object().title_es == "Lo que realmente hacemos"
    assert base_columns(page) == {**expected, "draft_title": "What We Really Do"}
    assert explorer_title(spanish_editor, site_tree["home"], page) == "What We Really Do"


# -- a Spanish translator's edit, reviewed and published -----------------------------------------


def test_a_spanish_translators_edit_changes_only_spanish(admin_client, django_user_model, home):
    # An editor writes the page in the admin in all four languages (so its rich text is already
    # in the editor's own format and an unchanged language round-trips unchanged).
    changes = {}
    for code in LANGUAGES:
        changes[f"title_{code}"] = f"Cuidado infantil {WORD[code]}"
        changes[f"slug_{code}"] = f"child-care-{code}"
        changes[f"intro_{code}"] = f"Intro {WORD[code]}"
        changes.update(nested_form_data({f"body_{code}": editor_paragraph(f"Texto {WORD[code]}")}))
    assert post_form(admin_client, add_url(StandardPage, home), changes).status_code == 302
    page = StandardPage.objects.get(slug_en="child-care-en")
    others = ["en", "fr", "pt"]
    before = stored_row(StandardPage, page, others)
    base_before = base_columns(page)
    old_urls = {code: url_in(page, code) for code in LANGUAGES}
    assert old_urls["es"] == "/es/child-care-es/"

    # A Spanish translator (the Translators groups, not a superuser), admin in Spanish, changes
    # the Spanish title, slug and body and submits the draft for review.
    translator = logged_in(
        make_user(django_user_model, "ana", "Translators", "Translators: Spanish", admin_language="es")
    )
    response = post_form(
        translator,
        edit_url(page),
        {
            "title_es": "Cuidado de niñas y niños",
            "slug_es": "cuidado-infantil",
            **nested_form_data({"body_es": editor_paragraph("Texto nuevo en español")}),
        },
        action="action-submit",
    )
    assert response.status_code == 302, form_errors(response)
    # Nothing changes for visitors until a moderator approves.
    assert StandardPage.objects.get(pk=page.pk).title_es == "Cuidado infantil Español"
    assert translator.get(old_urls["es"]).status_code == 200
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    moderator = logged_in(make_user(django_user_model, "mo", "Moderators"))
    approve = f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/"
    assert moderator.post(approve, {"comment": ""}).status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    page = StandardPage.objects.get(pk=page.pk)
    assert stored_row(StandardPage, page, others) == before
    assert base_columns(page) == base_before
    assert page.title_es == "Cuidado de niñas y niños"
    assert paragraphs_of(page.body_es) == [("paragraph", "Texto nuevo en español")]
    new_url = url_in(page, "es")
    assert new_url == "/es/cuidado-infantil/"
    html = public_page(translator, page, "es")
    assert "Cuidado de niñas y niños</h1>" in html
    assert "Texto nuevo en español" in html
    # The old Spanish address redirects, permanently, to the new one; the other languages keep
    # their addresses, with no redirect.
    response = translator.get(old_urls["es"])
    assert response.status_code == 301
    assert response["Location"] == new_url
    assert list(Redirect.objects.values_list("old_path", flat=True)) == ["/es/child-care-es"]
    for code in others:
        assert url_in(page, code) == old_urls[code]
        assert f"Cuidado infantil {WORD[code]}</h1>" in public_page(translator, page, code)
