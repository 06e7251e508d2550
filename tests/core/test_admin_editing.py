"""Editors create, edit, draft and publish every page type through the real Wagtail admin, with
the title, slug and text of each of the four languages in the same form (title_en, title_es, ...).

Every request goes through Django's test client to the real admin views. The posted data is what
a browser would send: the form as the admin rendered it, read with Wagtail's
`querydict_from_html`, plus each StreamField's blocks (which the admin's JavaScript turns into
inputs), with the editor's changes on top.
"""

import dataclasses
from collections.abc import Callable

import pytest
from django.utils.text import slugify
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from news.models import BlogIndexPage, BlogPostPage, NewsArticlePage, NewsIndexPage
from people.models import PeopleIndexPage
from programmes.models import (
    ImpactIndexPage,
    ImpactStoryPage,
    InitiativeIndexPage,
    InitiativePage,
    ProgrammeIndexPage,
    ProgrammePage,
)
from publications.models import PublicationIndexPage, PublicationPage
from standard_pages.models import StandardPage
from tests import factories
from tests.helpers import (
    LANGUAGES,
    add_url,
    edit_url,
    editor_paragraph,
    field_errors,
    form_errors,
    paragraphs_of,
    post_form,
    public_page,
    url_in,
    visible_text,
)

WORD = factories.LANGUAGE_WORDS


# -- helpers ---------------------------------------------------------------------------------


def translated_columns(page, languages):
    """Every stored per-language column of the page (base page and page type) for `languages`:
    StreamFields as their blocks' ids, types and text, the rest as stored, except that an empty
    text may be None (never written) or "" (written empty by a form)."""
    page = type(page).objects.get(pk=page.pk)
    columns = {}
    for field in page._meta.concrete_fields:
        if any(field.name.endswith(f"_{code}") for code in languages):
            value = getattr(page, field.attname)
            if hasattr(value, "raw_data"):
                value = [(block.id, *pair) for block, pair in zip(value, paragraphs_of(value), strict=True)]
            columns[field.name] = "" if value is None else value
    return columns


# -- 1. creating every page type in four languages ---------------------------------------------


def under_home(home):
    return home


def make_parent(factory):
    return lambda home: factory(parent=home, name="Parent")


def with_series_and_author(page_data):
    series = factories.PublicationSeriesFactory(key="working-papers")
    author = factories.AuthorFactory(key="martha-chen", given_name="Martha", family_name="Chen")
    authors = inline_formset([{"author": author.pk}])
    page_data.update(nested_form_data({"series": series.pk, "number": "7", "authors": authors}))

    def check(page):
        assert page.series == series
        assert page.number == "7"
        assert page.author_list() == [author]

    return check


def nothing_else(page_data):
    return lambda page: None


@dataclasses.dataclass(frozen=True)
class PageType:
    model: type
    parent: Callable  # home -> the parent the page is added under
    text_fields: tuple  # translated text fields filled in every language (besides title and body)
    tagged: bool = False  # tagged with a programme through the programme_tags inline formset
    other_fields: Callable = nothing_else  # adds untranslated form data, returns a check of the page

    def __str__(self):
        return self.model.__name__


PAGE_TYPES = [
    PageType(StandardPage, under_home, ("intro", "teaser"), tagged=True),
    PageType(ProgrammeIndexPage, under_home, ("intro",)),
    PageType(ProgrammePage, make_parent(factories.ProgrammeIndexPageFactory), ("intro",)),
    PageType(InitiativeIndexPage, under_home, ("intro",)),
    PageType(InitiativePage, make_parent(factories.InitiativeIndexPageFactory), ("intro", "partners"), tagged=True),
    PageType(ImpactIndexPage, under_home, ("intro",)),
    PageType(
        ImpactStoryPage,
        make_parent(factories.ImpactIndexPageFactory),
        ("intro", "outcome_headline", "place", "country", "worker_group"),
        tagged=True,
    ),
    PageType(PublicationIndexPage, under_home, ("intro",)),
    PageType(
        PublicationPage,
        make_parent(factories.PublicationIndexPageFactory),
        ("summary", "citation", "teaser"),
        tagged=True,
        other_fields=with_series_and_author,
    ),
    PageType(NewsIndexPage, under_home, ("intro",)),
    PageType(NewsArticlePage, make_parent(factories.NewsIndexPageFactory), ("intro", "teaser"), tagged=True),
    PageType(BlogIndexPage, under_home, ("intro",)),
    PageType(BlogPostPage, make_parent(factories.BlogIndexPageFactory), ("intro", "teaser"), tagged=True),
    PageType(PeopleIndexPage, under_home, ("intro",)),
]


def text_in(label, field, language):
    return f"{label} {field.replace('_', ' ')} {WORD[language]}"


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_editor_creates_and_publishes_a_page_in_four_languages(admin_client, home, page_type):
    model = page_type.model
    label = f"New {model.__name__}"
    parent = page_type.parent(home)
    changes = {}
    for code in LANGUAGES:
        changes[f"title_{code}"] = f"{label} {WORD[code]}"
        changes[f"slug_{code}"] = slugify(f"{label} {code}")
        changes.update({f"{field}_{code}": text_in(label, field, code) for field in page_type.text_fields})
        changes.update(nested_form_data({f"body_{code}": editor_paragraph(f"{label} body {WORD[code]}")}))
    programme = None
    if page_type.tagged:
        programme_index = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes")
        programme = factories.ProgrammePageFactory(parent=programme_index, name="Social Protection")
        changes.update(nested_form_data({"programme_tags": inline_formset([{"programme": programme.pk}])}))
    check_other_fields = page_type.other_fields(changes)

    response = post_form(admin_client, add_url(model, parent), changes)

    assert response.status_code == 302, form_errors(response)
    assert response.url == f"/admin/pages/{parent.pk}/"
    page = model.objects.child_of(parent).get(slug_en=changes["slug_en"])
    assert page.live
    assert not page.has_unpublished_changes
    for code in LANGUAGES:
        for field in ("title", "slug", *page_type.text_fields):
            assert getattr(page, f"{field}_{code}") == changes[f"{field}_{code}"], (field, code)
        assert paragraphs_of(getattr(page, f"body_{code}")) == [("paragraph", f"{label} body {WORD[code]}")]
    assert [tag.programme for tag in page.programme_tags.all()] == ([programme] if programme else [])
    check_other_fields(page)

    for code in LANGUAGES:
        url = url_in(page, code)
        assert url == f"{url_in(parent, code)}{changes[f'slug_{code}']}/"
        response = admin_client.get(url)
        assert response.status_code == 200, (code, url)
        html = response.content.decode()
        assert f"{label} {WORD[code]}</h1>" in html
        assert f"{label} body {WORD[code]}" in html
        if programme:
            assert f'<a href="{url_in(programme, code)}">Social Protection {WORD[code]}</a>' in html


@pytest.mark.django_db
def test_editor_edits_the_home_page_in_four_languages(admin_client, home):
    """The home page has max_count=1 and sits under the root, so it is edited, not added."""
    changes = {}
    for code in LANGUAGES:
        changes[f"title_{code}"] = f"Welcome home {WORD[code]}"
        changes[f"hero_statement_{code}"] = f"Hero {WORD[code]}"
        changes[f"intro_{code}"] = f"Intro {WORD[code]}"
        changes.update(nested_form_data({f"body_{code}": editor_paragraph(f"Home body {WORD[code]}")}))

    response = post_form(admin_client, edit_url(home), changes)

    assert response.status_code == 302, form_errors(response)
    home = type(home).objects.get(pk=home.pk)
    assert home.live
    assert not home.has_unpublished_changes
    for code in LANGUAGES:
        for field in ("title", "hero_statement", "intro"):
            assert getattr(home, f"{field}_{code}") == changes[f"{field}_{code}"]
        assert paragraphs_of(getattr(home, f"body_{code}")) == [("paragraph", f"Home body {WORD[code]}")]
        url = url_in(home, code)
        assert url == f"/{code}/"
        html = admin_client.get(url).content.decode()
        assert f"Hero {WORD[code]}" in html
        assert f"Home body {WORD[code]}" in html
        assert f"Welcome home {WORD[code]}" in html


# -- 2. editing one language -------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["standard", "programme", "impact", "publication"])
def test_editing_the_french_title_and_body_changes_only_french(admin_client, site_tree, key):
    page = site_tree[key]
    others = ["en", "es", "pt"]
    before = translated_columns(page, others)
    pages_before = {code: visible_text(public_page(admin_client, page, code)) for code in others}
    changes = {
        "title_fr": "Titre tout neuf",
        **nested_form_data({"body_fr": editor_paragraph("Un tout nouveau texte")}),
    }

    response = post_form(admin_client, edit_url(page), changes)

    assert response.status_code == 302, form_errors(response)
    page = type(page).objects.get(pk=page.pk)
    assert page.title_fr == "Titre tout neuf"
    assert paragraphs_of(page.body_fr) == [("paragraph", "Un tout nouveau texte")]
    html = admin_client.get(url_in(page, "fr")).content.decode()
    assert "Titre tout neuf</h1>" in html
    assert "Un tout nouveau texte" in html
    # The other languages: same columns (bodies compared by block id, type and text: Wagtail's
    # rich text editor adds data-block-key attributes to paragraphs the factories wrote) ...
    assert translated_columns(page, others) == before
    # ... and the same public pages, as visitors read them.
    for code in others:
        assert visible_text(public_page(admin_client, page, code)) == pages_before[code], code


# -- 3. drafts ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_draft_leaves_the_live_page_alone_until_it_is_published(admin_client, site_tree):
    page = site_tree["standard"]
    old_url = url_in(page, "es")
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    changes = {"title_es": "Borrador nuevo", **nested_form_data({"body_es": editor_paragraph("Texto del borrador")})}

    response = post_form(admin_client, edit_url(page), changes, publish=False)

    assert response.status_code == 302, form_errors(response)
    assert response.url == edit_url(page)
    page = StandardPage.objects.get(pk=page.pk)
    assert page.live
    assert page.has_unpublished_changes
    assert page.title_es == "What We Do Español"
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions + 1
    draft = page.get_latest_revision_as_object()
    assert page.latest_revision != page.live_revision
    assert draft.title_es == "Borrador nuevo"
    assert paragraphs_of(draft.body_es) == [("paragraph", "Texto del borrador")]
    html = admin_client.get(old_url).content.decode()
    assert "What We Do Español</h1>" in html
    assert "Borrador nuevo" not in html

    # The edit view now shows the draft; publishing it as it stands makes it live.
    response = post_form(admin_client, edit_url(page), {})

    assert response.status_code == 302, form_errors(response)
    page = StandardPage.objects.get(pk=page.pk)
    assert page.title_es == "Borrador nuevo"
    assert not page.has_unpublished_changes
    assert page.live_revision == page.latest_revision
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions + 2
    html = admin_client.get(url_in(page, "es")).content.decode()
    assert "Borrador nuevo</h1>" in html
    assert "Texto del borrador" in html


# -- 4. an invalid form ------------------------------------------------------------------------


def assert_required_title_error(response):
    assert response.status_code == 200
    assert "page-edit-form" in response.content.decode()
    assert "required" in field_errors(response, "title_en").lower(), form_errors(response)


@pytest.mark.django_db
@pytest.mark.parametrize("publish", [True, False], ids=["publish", "draft"])
def test_adding_a_page_without_english_title_shows_the_error(admin_client, home, publish):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    changes = {"title_en": "", "slug_en": "sin-titulo"}
    for code in ["es", "fr", "pt"]:
        changes[f"title_{code}"] = f"Sin título {code}"
        changes[f"slug_{code}"] = f"sin-titulo-{code}"

    response = post_form(admin_client, add_url(StandardPage, home), changes, publish=publish)

    assert_required_title_error(response)
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
@pytest.mark.parametrize("publish", [True, False], ids=["publish", "draft"])
def test_emptying_the_english_title_shows_the_error_and_saves_nothing(admin_client, site_tree, publish):
    page = site_tree["standard"]
    before = translated_columns(page, LANGUAGES)
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()

    response = post_form(admin_client, edit_url(page), {"title_en": "", "title_fr": "Nouveau"}, publish=publish)

    assert_required_title_error(response)
    assert translated_columns(page, LANGUAGES) == before
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions
    assert not StandardPage.objects.get(pk=page.pk).has_unpublished_changes
