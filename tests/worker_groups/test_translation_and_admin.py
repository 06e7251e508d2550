"""Worker groups in the translators' tools and in the page editor."""

import pytest
from django.utils.text import slugify
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests import factories
from tests.helpers import LANGUAGES, add_url, editor_paragraph, form_errors, post_form, url_in
from translations import units
from translations.exchange import export
from translations.models import LanguageStatus
from worker_groups.models import WorkerGroupIndexPage, WorkerGroupPage

WORD = factories.LANGUAGE_WORDS


@pytest.mark.django_db
def test_units_cover_a_groups_text_and_figures(home):
    index = factories.WorkerGroupIndexPageFactory(parent=home, name="Groups")
    group = factories.WorkerGroupPageFactory(parent=index, name="Domestic workers")
    keys = {unit.key for unit in units.units(group, "es")}
    assert {"title", "intro", "teaser"} <= keys
    assert any(key.startswith("risks.") for key in keys)
    assert any(key.startswith("key_figures.") and key.endswith(".source") for key in keys)
    assert all(unit.target for unit in units.units(group, "es"))


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["po", "xliff"])
def test_exports_and_status_carry_worker_group_pages(home, file_format):
    index = factories.WorkerGroupIndexPageFactory(parent=home, name="Groups")
    group = factories.WorkerGroupPageFactory(parent=index, name="Home-based workers", missing=("fr",))
    text = export.export_file(export.SECTION, "fr", page=index, file_format=file_format)
    assert f"worker_groups.workergrouppage:{group.pk}:intro" in text
    assert "Definition of Home-based workers in en" in text
    statuses = dict(
        LanguageStatus.objects.filter(
            item__object_id=group.pk, item__content_type__model="workergrouppage"
        ).values_list("language", "status")
    )
    assert statuses["es"] == "complete" and statuses["fr"] != "complete"


def figure(code):
    return ("figure", {"figure": "76%", "label": f"women {code}", "source": f"ILO {code}", "source_url": ""})


@pytest.mark.django_db
@pytest.mark.parametrize("model", [WorkerGroupIndexPage, WorkerGroupPage], ids=lambda m: m.__name__)
def test_editor_creates_and_publishes_in_four_languages(admin_client, home, model):
    parent = home if model is WorkerGroupIndexPage else factories.WorkerGroupIndexPageFactory(parent=home, name="G")
    label = f"New {model.__name__}"
    changes = {}
    if model is WorkerGroupPage:
        changes["key"] = "garment-workers"
    for code in LANGUAGES:
        changes[f"title_{code}"] = f"{label} {WORD[code]}"
        changes[f"slug_{code}"] = slugify(f"{label} {code}")
        changes[f"intro_{code}"] = f"{label} intro {WORD[code]}"
        stream = "risks" if model is WorkerGroupPage else "body"
        changes.update(nested_form_data({f"{stream}_{code}": editor_paragraph(f"{label} text {WORD[code]}")}))
        if model is WorkerGroupPage:
            changes.update(nested_form_data({f"key_figures_{code}": streamfield([figure(code)])}))

    response = post_form(admin_client, add_url(model, parent), changes)

    assert response.status_code == 302, form_errors(response)
    page = model.objects.child_of(parent).get(slug_en=changes["slug_en"])
    assert page.live
    for code in LANGUAGES:
        html = admin_client.get(url_in(page, code)).content.decode()
        assert f"{label} {WORD[code]}</h1>" in html
        assert f"{label} text {WORD[code]}" in html
        if model is WorkerGroupPage:
            assert f"women {code}" in html and f"ILO {code}" in html
