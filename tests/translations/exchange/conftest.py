import pytest
import wagtail_factories

from tests.factories import StandardPageFactory
from tests.helpers import english_body


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("lead", "lead@example.org", "password")


@pytest.fixture
def photo(db):
    return wagtail_factories.ImageFactory(title="Market", description_en="Vendors at a market", caption_en="Market")


@pytest.fixture
def vendors(home, photo):
    link = StandardPageFactory(parent=home, name="Library link")
    return StandardPageFactory(
        parent=home, name="Vendors", body_en=english_body(photo, link), missing=("es", "fr", "pt")
    )
