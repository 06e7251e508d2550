"""Focal cities in the translators' tools and in every page's tag tab."""

import pytest

from tests import factories
from translations import units
from translations.exchange import export


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["po", "xliff"])
def test_city_pages_are_translation_units_and_exported(home, file_format):
    index = factories.CityIndexPageFactory(parent=home, name="Cities")
    city = factories.CityPageFactory(parent=index, name="Accra", missing=("fr",))
    keys = {unit.key for unit in units.units(city, "es")}
    assert {"title", "intro", "coordinator_role"} <= keys
    assert "coordinator_name" not in keys  # a person's name is written once, as they write it
    text = export.export_file(export.SECTION, "fr", page=index, file_format=file_format)
    assert f"places.citypage:{city.pk}:coordinator_role" in text
    assert f"places.cityindexpage:{index.pk}:intro" in text


@pytest.mark.django_db
def test_every_page_type_has_a_city_tag_panel(admin_client, home):
    page = factories.StandardPageFactory(parent=home, name="Markets")
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'id="id_city_tags-TOTAL_FORMS"' in html
