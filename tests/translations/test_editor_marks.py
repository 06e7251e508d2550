"""The page editor marks out-of-date translations beside their fields, from a JSON data block
read by a static script (no inline code, so the admin's CSP holds)."""

import json

import pytest
from bs4 import BeautifulSoup

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def body(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>", "id": "para-1"}]


@pytest.fixture
def changed(home):
    page = StandardPageFactory(parent=home, name="Vendors", body_en=body("Street vendors organise."))
    page.body_es = [{"type": "paragraph", "value": "<p>Los vendedores se organizan.</p>", "id": "para-es"}]
    page.save_revision().publish()
    draft = page.get_latest_revision_as_object()
    draft.teaser_en = "A new English teaser"
    draft.body_en = body("Street vendors and waste pickers organise.")
    draft.save_revision()
    return page


def test_the_editor_carries_the_out_of_date_fields_and_blocks(admin_client, changed):
    html = admin_client.get(f"/admin/pages/{changed.pk}/edit/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    data = json.loads(soup.find("script", id="translation-outdated-marks", type="application/json").string)
    assert data["badge"] == "Out of date"
    marks = {(mark["field"], mark["block"]) for mark in data["marks"]}
    assert {("teaser_es", None), ("teaser_fr", None), ("teaser_pt", None)} <= marks
    assert ("body_es", "para-es") in marks  # the Spanish block, matched by position
    assert not any(field.startswith("title_") for field, _block in marks)  # titles are up to date
    scripts = [tag.get("src", "") for tag in soup.find_all("script")]
    assert any(src.endswith("translations/outdated-marks.js") for src in scripts)
    # No inline executable script of ours.
    assert "outdated-marks" not in "".join(tag.string or "" for tag in soup.find_all("script", src=False))


def test_an_up_to_date_page_carries_no_marks(admin_client, home):
    page = StandardPageFactory(parent=home, name="Fresh")
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'id="translation-outdated-marks"' not in html
