"""Editors whose admin runs in Spanish: what they save in the base columns, and what a
translator's Spanish-only edit changes.

wagtail-modeltranslation reads and writes `page.title`, `slug`, `url_path` through the active
language's column, and the admin activates the editor's own language. The site keeps the base
columns (`title`, `slug`, `url_path`, `draft_title` of wagtailcore_page, used by the page
explorer, routing and search) in English whatever the admin language
(`wiegosite.languages.in_source_language`).
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data
from wagtail.users.models import UserProfile

from tests.factories import LANGUAGE_WORDS as WORD
from tests.helpers import (
    LANGUAGES,
    add_url,
    edit_url,
    editor_paragraph,
    form_errors,
    paragraphs_of,
    post_form,
    public_page,
    url_in,
)
from wiegosite.models import StandardPage

BASE_COLUMNS = ("title", "slug", "url_path", "draft_title")


@pytest.fixture
def spanish_client(db, django_user_model):
    """A client logged in as an editor whose admin runs in Spanish (Wagtail's user profile)."""
    user = django_user_model.objects.create_superuser("traductora", "traductora@example.org", "password")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    client = Client()
    client.force_login(user)
    return client


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


# -- 5. base columns stay English when the admin runs in Spanish ---------------------------------


@pytest.mark.django_db
def test_the_admin_really_runs_in_spanish(spanish_client, home):
    response = spanish_client.get(f"/admin/pages/{home.pk}/")
    assert response.status_code == 200
    assert '<html lang="es"' in response.content.decode()
    assert "Añadir página hija" in response.content.decode()


@pytest.mark.django_db
def test_a_page_created_in_a_spanish_admin_keeps_english_base_columns(spanish_client, home):
    changes = {}
    for code in LANGUAGES:
        changes[f"title_{code}"] = f"Trabajo decente {WORD[code]}"
        changes[f"slug_{code}"] = f"trabajo-decente-{code}"
        changes.update(nested_form_data({f"body_{code}": editor_paragraph(f"Texto {WORD[code]}")}))

    response = post_form(spanish_client, add_url(StandardPage, home), changes)

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
    assert explorer_title(spanish_client, home, page) == "Trabajo decente English"
    # Every language's own columns and address are still its own.
    for code in LANGUAGES:
        assert getattr(page, f"title_{code}") == f"Trabajo decente {WORD[code]}"
        assert url_in(page, code).endswith(f"/trabajo-decente-{code}/")
        assert f"Trabajo decente {WORD[code]}</h1>" in public_page(spanish_client, page, code)


@pytest.mark.django_db
@pytest.mark.parametrize("publish", [True, False], ids=["publish", "draft"])
def test_a_page_edited_in_a_spanish_admin_keeps_english_base_columns(spanish_client, site_tree, publish):
    page = site_tree["standard"]
    changes = {
        "title_en": "What We Really Do",
        "title_es": "Lo que realmente hacemos",
        "slug_es": "lo-que-hacemos",
        **nested_form_data({"body_es": editor_paragraph("Nuevo texto")}),
    }

    response = post_form(spanish_client, edit_url(page), changes, publish=publish)

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
    assert explorer_title(spanish_client, site_tree["home"], page) == "What We Really Do"


# -- 6. a translator's Spanish-only edit ---------------------------------------------------------


@pytest.mark.django_db
def test_a_spanish_edit_changes_only_spanish(admin_client, spanish_client, home):
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

    # A translator, admin in Spanish, changes only the Spanish title, slug and body.
    response = post_form(
        spanish_client,
        edit_url(page),
        {
            "title_es": "Cuidado de niñas y niños",
            "slug_es": "cuidado-infantil",
            **nested_form_data({"body_es": editor_paragraph("Texto nuevo en español")}),
        },
    )

    assert response.status_code == 302, form_errors(response)
    page = StandardPage.objects.get(pk=page.pk)
    assert stored_row(StandardPage, page, others) == before
    assert base_columns(page) == base_before
    assert page.title_es == "Cuidado de niñas y niños"
    assert paragraphs_of(page.body_es) == [("paragraph", "Texto nuevo en español")]
    new_url = url_in(page, "es")
    assert new_url == "/es/cuidado-infantil/"
    html = public_page(spanish_client, page, "es")
    assert "Cuidado de niñas y niños</h1>" in html
    assert "Texto nuevo en español" in html
    # The old Spanish address redirects, permanently, to the new one; the other languages keep
    # their addresses, with no redirect.
    response = spanish_client.get(old_urls["es"])
    assert response.status_code == 301
    assert response["Location"] == new_url
    assert list(Redirect.objects.values_list("old_path", flat=True)) == ["/es/child-care-es"]
    for code in others:
        assert url_in(page, code) == old_urls[code]
        assert f"Cuidado infantil {WORD[code]}</h1>" in public_page(spanish_client, page, code)
