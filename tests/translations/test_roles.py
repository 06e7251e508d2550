"""Roles through the real admin: translators edit only their languages and submit for review,
moderators approve, editors keep every field. Groups and the workflow come from the migration."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import Page, WorkflowState

from core.models import SiteImage
from standard_pages.models import StandardPage
from tests.factories import RegionFactory, StandardPageFactory
from tests.helpers import edit_url, editable_fields, locked_fields, make_image, make_user, read_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(django_user_model, client):
    user = make_user(django_user_model, "ana", "Translators", "Translators: Spanish")
    client.force_login(user)
    return client


@pytest.fixture
def page(home):
    return StandardPageFactory(parent=home, name="Street vendors", missing=("pt",))


def test_migration_creates_groups_and_workflow():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Translators",
        "Translators: Spanish",
        "Translators: French",
        "Translators: Portuguese",
        "Editors",
        "Moderators",
    }
    root = Page.objects.get(depth=1)
    assert root.get_workflow().name == "Translation review"
    task = root.get_workflow().tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_translator_sees_english_and_other_languages_read_only(translator, page):
    response = translator.get(edit_url(page))
    assert response.status_code == 200
    assert {"title_en", "title_fr", "title_pt", "teaser_en", "body_en", "body_fr", "display_date"} <= locked_fields(
        response
    )
    fields = editable_fields(response)
    assert {"title_es", "teaser_es", "intro_es"} <= fields
    assert not {"title_en", "title_fr", "teaser_en", "intro_pt"} & fields
    # The read-only English is shown, not hidden.
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Street vendors English" in soup.select_one('[data-locked-field="title_en"]').get_text()
    assert "Body of Street vendors in English" in soup.select_one('[data-locked-field="body_en"]').get_text()
    # No publish button: their work goes to review.
    assert not soup.select('[name="action-publish"]')
    assert soup.select('[name="action-submit"]')


def test_translator_changes_only_spanish_and_submits_for_review(translator, page, django_user_model, client):
    data = read_form(translator.get(edit_url(page)))
    data["title_es"] = "Vendedores ambulantes"
    # What a forged request could add: all ignored for a Spanish translator.
    data["title_en"] = "Hacked English"
    data["title_fr"] = "Piraté"
    data["teaser_en"] = "Hacked teaser"
    data["display_date"] = "1999-01-01"
    data["action-submit"] = "action-submit"
    response = translator.post(edit_url(page), data)
    assert response.status_code == 302, response.content.decode()[:2000]

    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert draft.title_es == "Vendedores ambulantes"
    assert (draft.title_en, draft.title_fr, draft.teaser_en) == (
        "Street vendors English",
        "Street vendors Français",
        "Teaser of Street vendors in English",
    )
    assert str(draft.display_date) != "1999-01-01"
    # Not published: the live page still has the old Spanish title, and a review is pending.
    assert StandardPage.objects.get(pk=page.pk).title_es == "Street vendors Español"
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # A moderator approves the review: the Spanish title goes live.
    moderator = make_user(django_user_model, "mo", "Moderators")
    client.force_login(moderator)
    task_state = state.current_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    response = client.post(url, {"comment": "Looks right"})
    assert response.status_code in (200, 302)
    live = StandardPage.objects.get(pk=page.pk)
    assert live.title_es == "Vendedores ambulantes"
    assert live.title_en == "Street vendors English"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_translator_cannot_publish_even_by_forging_the_button(translator, page):
    data = read_form(translator.get(edit_url(page)))
    data["title_es"] = "Publicado a la fuerza"
    data["action-publish"] = "action-publish"
    translator.post(edit_url(page), data)
    assert StandardPage.objects.get(pk=page.pk).title_es == "Street vendors Español"


def test_translator_inline_tags_are_read_only(translator, site_tree):
    page = site_tree["standard"]  # tagged with a programme and a region
    region = RegionFactory(key="asia", name_en="Asia")
    page.region_tags.create(region=region, sort_order=0)
    page.save_revision().publish()
    before = list(page.programme_tags.values_list("programme_id", flat=True))
    assert before
    data = read_form(translator.get(edit_url(page)))
    data["programme_tags-TOTAL_FORMS"] = str(int(data.get("programme_tags-TOTAL_FORMS", 0)) + 1)
    index = int(data["programme_tags-TOTAL_FORMS"]) - 1
    data[f"programme_tags-{index}-programme"] = str(site_tree["programme"].pk)
    data[f"programme_tags-{index}-ORDER"] = str(index + 1)
    data["title_es"] = "Con etiquetas"
    data["action-submit"] = "action-submit"
    assert translator.post(edit_url(page), data).status_code == 302
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    assert draft.title_es == "Con etiquetas"
    assert [tag.programme_id for tag in draft.programme_tags.all()] == before
    assert [tag.region_id for tag in draft.region_tags.all()] == [region.pk]


@pytest.mark.parametrize("live", [True, False])
def test_translator_cannot_delete_or_move(translator, home, live):
    page = StandardPageFactory(parent=home, name="Draft page", live=live)
    other = StandardPageFactory(parent=home, name="Elsewhere")
    for url in (f"/admin/pages/{page.pk}/delete/", f"/admin/pages/{page.pk}/move/", f"/admin/pages/{page.pk}/copy/"):
        response = translator.get(url)
        assert response.status_code in (302, 403), url
        assert response.status_code == 403 or "/delete/" not in response.get("Location", "")
    response = translator.post(f"/admin/pages/{page.pk}/delete/")
    assert Page.objects.filter(pk=page.pk).exists()
    response = translator.post(f"/admin/pages/{page.pk}/move/{other.pk}/confirm/")
    assert Page.objects.get(pk=page.pk).get_parent().pk == home.pk
    response = translator.post(f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}")
    assert Page.objects.filter(pk=page.pk).exists()
    assert response.status_code in (302, 403)


def test_editor_keeps_every_field(django_user_model, client, page):
    client.force_login(make_user(django_user_model, "ed", "Editors"))
    response = client.get(edit_url(page))
    assert response.status_code == 200
    assert not locked_fields(response)
    assert {"title_en", "title_es", "title_fr", "title_pt", "teaser_en"} <= editable_fields(response)


def test_translator_with_two_languages(django_user_model, client, page):
    client.force_login(
        make_user(django_user_model, "bo", "Translators", "Translators: French", "Translators: Portuguese")
    )
    response = client.get(edit_url(page))
    fields = editable_fields(response)
    assert {"title_fr", "title_pt"} <= fields
    assert not {"title_en", "title_es"} & fields


def test_translator_edits_only_their_language_of_a_snippet(translator):
    region = RegionFactory(key="africa", name_en="Africa", name_es="", name_fr="Afrique", name_pt="")
    url = f"/admin/snippets/places/region/edit/{region.pk}/"
    response = translator.get(url)
    assert response.status_code == 200
    assert {"name_en", "name_fr", "key"} <= locked_fields(response)
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form[method=post]")
    data = {tag["name"]: tag.get("value", "") for tag in form.select("input[name]")}
    data.update({"name_es": "África", "name_en": "Hacked", "key": "hacked", "name_fr": "X"})
    response = translator.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    region.refresh_from_db()
    assert region.name_es == ""  # a draft: the live row is unchanged until a moderator approves
    draft = region.get_latest_revision_as_object()
    assert (draft.name_en, draft.name_es, draft.name_fr, draft.key) == ("Africa", "África", "Afrique", "africa")


def test_translator_edits_only_their_language_of_an_image(translator):
    image = make_image("Porters", description_en="Porters carry goods", credit="Demo credit")
    url = f"/admin/images/{image.pk}/"
    response = translator.get(url)
    assert response.status_code == 200
    assert {"title", "description_en", "description_fr", "credit"} <= locked_fields(response)
    data = {
        "title": "Hacked",
        "collection": image.collection_id,
        "description_en": "Hacked",
        "description_es": "Cargadores llevan mercancías",
        "caption_es": "En el mercado",
        "credit": "Hacked",
        "tags": "",
    }
    response = translator.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    image.refresh_from_db()
    assert (image.title, image.description_en, image.credit) == ("Porters", "Porters carry goods", "Demo credit")
    assert (image.description_es, image.caption_es) == ("Cargadores llevan mercancías", "En el mercado")


def test_translator_cannot_delete_images(translator):
    image = make_image("Keep", "#123456", (32, 24))
    for url in (f"/admin/images/{image.pk}/delete/", f"/admin/bulk/wagtailimages/image/delete/?id={image.pk}"):
        assert translator.get(url).status_code == 302
        translator.post(url)
    assert SiteImage.objects.filter(pk=image.pk).exists()
