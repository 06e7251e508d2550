"""Pages the search tests share."""

import pytest

from tests import factories
from tests.helpers import publish, recyclers_page


@pytest.fixture
def recyclers(home):
    return recyclers_page(home)


@pytest.fixture
def vendors(home):
    """A page never translated into Spanish."""
    return publish(
        factories.StandardPageFactory(
            parent=home,
            name="Street vendors",
            missing=("es",),
            body_en=factories.paragraph("Street vendors negotiate with the municipality of Durban."),
        )
    )
