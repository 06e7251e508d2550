"""Translated snippets (regions, series) go through drafts and the Translation review workflow
like pages: translators submit, only Editors and Moderators publish; the status report judges the
draft, imports make a draft revision."""

import polib
import pytest
from django.contrib.auth.models import Group

from places.models import Region
from publications.models import PublicationSeries
from tests.factories import PublicationSeriesFactory, RegionFactory
from tests.helpers import post_snippet, user_in_groups
from translations.exchange import export, importing
from translations.models import LanguageStatus, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(django_user_model, client):
    client.force_login(user_in_groups(django_user_model, "ana", "Translators", "Translators: Spanish"))
    return client


def status_of(obj, language="es"):
    return LanguageStatus.objects.get(
        item__object_id=obj.pk, item__content_type__model=obj._meta.model_name, language=language
    )


@pytest.mark.parametrize("model", [Region, PublicationSeries])
def test_snippets_with_drafts_are_reviewed_by_translation_review(model):
    assert model().get_workflow().name == "Translation review"


@pytest.mark.parametrize("model", ["region", "publicationseries"])
def test_only_editors_and_moderators_may_publish_regions_and_series(model):
    def codenames(group):
        return set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))

    for group in ("Editors", "Moderators"):
        assert {f"change_{model}", f"publish_{model}"} <= codenames(group)
    assert f"change_{model}" in codenames("Translators")
    assert f"publish_{model}" not in codenames("Translators")


def test_a_translator_cannot_publish_a_snippet_even_with_a_forged_post(translator):
    region = RegionFactory(key="africa", name_en="Africa", name_es="África")
    response = post_snippet(translator, region, {"name_es": "África austral"}, action="publish")
    assert response.status_code in (200, 302)
    region.refresh_from_db()
    assert region.name_es == "África" and region.live_revision is None  # nothing published
    assert region.get_latest_revision_as_object().name_es == "África austral"  # kept as a draft


def test_a_translator_submits_a_series_and_it_waits_for_review(translator):
    series = PublicationSeriesFactory(key="brief", name_en="WIEGO Brief", name_es="")
    response = post_snippet(translator, series, {"name_es": "Nota de WIEGO", "name_en": "Hacked"}, action="submit")
    assert response.status_code == 302, response.content.decode()[:2000]
    series.refresh_from_db()
    assert series.workflow_in_progress and series.name_es == ""
    draft = series.get_latest_revision_as_object()
    assert (draft.name_en, draft.name_es) == ("WIEGO Brief", "Nota de WIEGO")  # English is locked


def test_the_status_report_judges_the_draft_and_the_live_version_apart(translator, admin_client):
    region = RegionFactory(key="africa", name_en="Africa", name_es="", name_fr="", name_pt="")
    assert status_of(region).status == Status.MISSING

    post_snippet(translator, region, {"name_es": "África"}, action="submit")

    row = status_of(region)
    assert (row.status, row.live_status) == (Status.COMPLETE, Status.MISSING)
    html = admin_client.get("/admin/translations/status/", {"language": "es"}).content.decode()
    assert 'data-live-status="missing"' in html

    region.refresh_from_db()
    region.get_latest_revision().publish()
    row = status_of(region)
    assert (row.status, row.live_status) == (Status.COMPLETE, "")


def test_an_import_makes_a_draft_revision_of_a_snippet_never_a_live_change(django_user_model):
    region = RegionFactory(key="africa", name_en="Africa", name_es="")
    series = PublicationSeriesFactory(key="brief", name_en="WIEGO Brief", name_es="", description_en="")
    user = django_user_model.objects.create_superuser("lead", "lead@example.org", "password")
    po = polib.pofile(export.export_file(export.OUT_OF_DATE, "es"))
    for entry in po:
        entry.msgstr = f"es: {entry.msgid}"

    report = importing.import_file(str(po).encode(), "es", user)

    results = {type(result.obj): result for result in report.objects}
    for obj in (region, series):
        result = results[type(obj)]
        assert result.makes_draft and result.revision is not None
        obj.refresh_from_db()
        assert obj.name_es == "" and obj.has_unpublished_changes and obj.latest_revision == result.revision
        assert obj.get_latest_revision_as_object().name_es == f"es: {obj.name_en}"
        assert status_of(obj).status == Status.COMPLETE and status_of(obj).live_status == Status.MISSING


def test_an_import_refuses_a_snippet_under_review_for_a_translator(translator, django_user_model):
    region = RegionFactory(key="africa", name_en="Africa", name_es="")
    post_snippet(translator, region, {"name_es": "África"}, action="submit")
    other = user_in_groups(django_user_model, "eva", "Translators", "Translators: Spanish")
    po = polib.POFile()
    po.metadata = {"Language": "es", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt=f"places.region:{region.pk}:name", msgid="Africa", msgstr="África del sur"))
    with pytest.raises(importing.TranslationFileError) as raised:
        importing.import_file(str(po).encode(), "es", other)
    assert any("You may not edit" in error for error in raised.value.errors)


def test_an_import_can_submit_a_translators_snippet_change_for_review(django_user_model):
    """A translator's import with "submit" sends the region's new draft to the review workflow,
    as its editor's "Submit for moderation" would; nothing is live until a moderator approves."""
    region = RegionFactory(key="africa", name_en="Africa", name_es="")
    translator = user_in_groups(django_user_model, "eva", "Translators", "Translators: Spanish")
    po = polib.POFile()
    po.metadata = {"Language": "es", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt=f"places.region:{region.pk}:name", msgid="Africa", msgstr="África"))

    report = importing.import_file(str(po).encode(), "es", translator, submit=True)

    [result] = report.objects
    assert result.makes_draft and result.review == importing.SUBMITTED
    region.refresh_from_db()
    assert region.name_es == ""  # the live row is unchanged
    state = region.current_workflow_state
    assert state is not None and state.status == state.STATUS_IN_PROGRESS
    assert state.workflow.name == "Translation review"
