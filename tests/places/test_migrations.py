"""Regions that existed before drafts stay live and get a first published revision."""

import pytest
from django.db import connection, migrations
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Revision

from places.models import Region
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


def test_existing_regions_stay_live_with_a_published_revision():
    loader = MigrationLoader(connection)
    schema = loader.get_migration("places", "0002_region_drafts_and_workflow")
    live = next(op for op in schema.operations if isinstance(op, migrations.AddField) and op.name == "live")
    assert live.field.default is True  # rows existing before the migration are live

    state = loader.project_state(("places", "0002_region_drafts_and_workflow"))
    HistoricalRegion = state.apps.get_model("places", "Region")
    HistoricalRegion.objects.create(key="africa", name="Africa", name_en="Africa", name_es="África")
    published_before = RegionFactory(key="asia")
    published_before.save_revision().publish()
    revisions_before = Revision.objects.count()

    data = loader.get_migration("places", "0003_existing_regions_published")
    data.operations[0].code(state.apps, None)  # data only: no schema editor needed

    africa = Region.objects.get(key="africa")
    assert africa.live and not africa.has_unpublished_changes
    assert africa.live_revision == africa.latest_revision is not None
    assert africa.latest_revision.as_object().name_es == "África"
    assert africa.first_published_at is not None
    assert Revision.objects.count() == revisions_before + 1  # regions with revisions are left alone
    assert africa.status_string == "live"
