"""Regions and series have drafts: what visitors see in every language is the published version,
until a moderator approves (or an editor publishes) the change."""

import pytest
from wagtail.models import WorkflowState

from places.models import Region
from tests import factories
from tests.helpers import LANGUAGES, post_snippet, url_in, user_in_groups

pytestmark = pytest.mark.django_db


def library_html(client, library, language):
    response = client.get(url_in(library["library"], language))
    assert response.status_code == 200
    return response.content.decode()


def page_html(client, page, language):
    response = client.get(url_in(page, language))
    assert response.status_code == 200
    return response.content.decode()


def test_a_translators_region_change_shows_only_once_a_moderator_approves(client, library, django_user_model):
    africa = Region.objects.get(key="africa")
    child_care = library["pages"]["Child care"]  # tagged with Africa
    translator = user_in_groups(django_user_model, "ana", "Translators", "Translators: Spanish")
    moderator = user_in_groups(django_user_model, "mo", "Moderators")

    client.force_login(translator)
    response = post_snippet(client, africa, {"name_es": "África subsahariana"}, action="submit")
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()

    africa.refresh_from_db()
    assert africa.name_es == "África" and africa.has_unpublished_changes and africa.workflow_in_progress
    assert africa.get_latest_revision_as_object().name_es == "África subsahariana"
    for language in LANGUAGES:  # the draft shows nowhere, in no language
        for html in (library_html(client, library, language), page_html(client, child_care, language)):
            assert "subsahariana" not in html
    assert "África" in library_html(client, library, "es") and "África" in page_html(client, child_care, "es")

    client.force_login(moderator)
    task_state = WorkflowState.objects.for_instance(africa).get().current_task_state
    response = client.post(f"/admin/snippets/places/region/workflow/action/{africa.pk}/approve/{task_state.pk}/")
    assert response.status_code in (200, 302), response.content.decode()[:2000]
    client.logout()

    africa.refresh_from_db()
    assert africa.name_es == "África subsahariana" and not africa.has_unpublished_changes
    assert "África subsahariana" in library_html(client, library, "es")
    assert "África subsahariana" in page_html(client, child_care, "es")
    assert "subsahariana" not in page_html(client, child_care, "en")


def test_a_draft_change_to_a_series_is_not_shown_until_published(client, admin_client, library):
    briefs = library["pages"]["Child care"].series
    child_care = library["pages"]["Child care"]
    response = post_snippet(admin_client, briefs, {"name_es": "Nota breve"})  # "Save draft"
    assert response.status_code == 302, response.content.decode()[:2000]
    briefs.refresh_from_db()
    assert briefs.name_es == "Nota de WIEGO" and briefs.has_unpublished_changes

    page = page_html(client, child_care, "es")
    assert "Nota de WIEGO" in page and "Nota breve" not in page  # kicker and citation
    assert "Nota breve" not in library_html(client, library, "es")
    feed = client.get("/es/feeds/library/rss/").content.decode()
    assert "Nota de WIEGO" in feed and "Nota breve" not in feed

    response = post_snippet(admin_client, briefs, {}, action="publish")
    assert response.status_code == 302
    assert "Nota breve" in page_html(client, child_care, "es")
    assert "Nota breve" in library_html(client, library, "es")


def test_unpublished_regions_and_series_are_not_offered_or_shown(client, library):
    child_care = library["pages"]["Child care"]
    draft_region = factories.RegionFactory(key="oceania", name_en="Oceania", live=False)
    draft_series = factories.PublicationSeriesFactory(key="draft-notes", name_en="Draft notes", live=False)
    child_care.region_tags.create(region=draft_region, sort_order=5)
    child_care.series = draft_series
    child_care.save_revision().publish()

    for language in LANGUAGES:
        html = library_html(client, library, language)
        assert "oceania" not in html and "draft-notes" not in html
        page = page_html(client, child_care, language)
        assert "Oceania" not in page and "Draft notes" not in page
    response = client.get(url_in(library["library"], "en"), {"region": "oceania"})
    assert "not recognised" in response.content.decode()
