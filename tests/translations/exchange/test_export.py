"""What an export holds: a section, everything untranslated or out of date."""

import re

import polib
import pytest

from tests.factories import RegionFactory, StandardPageFactory
from translations.exchange import export

pytestmark = pytest.mark.django_db


def test_section_export_holds_the_page_and_its_descendants(home, vendors):
    parent = StandardPageFactory(parent=home, name="Programmes")
    child = StandardPageFactory(parent=parent, name="Child")
    grandchild = StandardPageFactory(parent=child, name="Grandchild")
    text = export.export_file(export.SECTION, "es", page=parent)
    pks = {int(pk) for pk in re.findall(r'msgctxt "standard_pages.standardpage:(\d+):', text)}
    assert pks == {parent.pk, child.pk, grandchild.pk}


def test_out_of_date_export_holds_exactly_untranslated_and_out_of_date_units(home):
    complete = StandardPageFactory(parent=home, name="Complete")
    missing = StandardPageFactory(parent=home, name="Missing", missing=("es",))
    changed = StandardPageFactory(parent=home, name="Changed")
    changed.teaser_en = "A new English teaser"
    changed.save_revision()
    partial = StandardPageFactory(parent=home, name="Partial", intro_es="")
    region = RegionFactory(key="africa", name_es="")
    RegionFactory(key="asia")  # complete

    po = polib.pofile(export.export_file(export.OUT_OF_DATE, "es"))

    keys = {entry.msgctxt for entry in po}
    missing_keys = {key for key in keys if key.startswith(f"standard_pages.standardpage:{missing.pk}:")}
    assert {key.rsplit(":", 1)[1] for key in missing_keys} >= {"title", "teaser", "intro"}
    assert len(missing_keys) == 4  # title, teaser, intro and the body's paragraph
    assert keys == missing_keys | {
        f"standard_pages.standardpage:{changed.pk}:teaser",
        f"standard_pages.standardpage:{partial.pk}:intro",
        f"places.region:{region.pk}:name",
    }
    assert not any(key.startswith(f"standard_pages.standardpage:{complete.pk}:") for key in keys)
    teaser = po.find(f"standard_pages.standardpage:{changed.pk}:teaser", by="msgctxt")
    assert teaser.msgid == "A new English teaser"
    assert teaser.msgstr == "Teaser of Changed in Español"  # the current translation, to revise
    assert teaser.comment.startswith(export.OUT_OF_DATE_NOTE)
    assert "fuzzy" not in teaser.flags
    # In French only the changed teaser is pending (the emptied fields were Spanish ones).
    assert {entry.msgctxt for entry in polib.pofile(export.export_file(export.OUT_OF_DATE, "fr"))} == {
        f"standard_pages.standardpage:{changed.pk}:teaser"
    }
