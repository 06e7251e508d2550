"""Series that existed before drafts stay live and get a first published revision."""

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from publications.models import PublicationSeries

pytestmark = pytest.mark.django_db


def test_existing_series_stay_live_with_a_published_revision(admin_client):
    loader = MigrationLoader(connection)
    state = loader.project_state(("publications", "0004_series_drafts_and_workflow"))
    HistoricalSeries = state.apps.get_model("publications", "PublicationSeries")
    HistoricalSeries.objects.create(key="brief", name="WIEGO Brief", name_en="WIEGO Brief", name_fr="Note WIEGO")

    data = loader.get_migration("publications", "0005_existing_series_published")
    data.operations[0].code(state.apps, None)  # data only: no schema editor needed

    series = PublicationSeries.objects.get(key="brief")
    assert series.live and series.live_revision == series.latest_revision is not None
    assert series.latest_revision.as_object().name_fr == "Note WIEGO"
    listing = admin_client.get("/admin/snippets/publications/publicationseries/").content.decode()
    assert "WIEGO Brief" in listing and "Draft" not in listing
