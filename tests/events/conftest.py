import datetime

import pytest
from django.utils import timezone

from tests import factories


@pytest.fixture
def events_index(home):
    return factories.EventIndexPageFactory(
        parent=home, name="Events", slug_en="events", slug_es="eventos", slug_fr="evenements", slug_pt="eventos"
    )


@pytest.fixture
def event(events_index):
    return factories.EventPageFactory(parent=events_index, name="Street Vendors Forum")


@pytest.fixture
def past_event(events_index):
    start = (timezone.now() - datetime.timedelta(days=60)).replace(hour=9, minute=0, second=0, microsecond=0)
    return factories.EventPageFactory(
        parent=events_index, name="Waste Pickers Assembly", start=start, end=start + datetime.timedelta(hours=3)
    )
