"""The titles in Spanish, French and Portuguese are optional: the editor draws them alike, without
the required English title's placeholder and asterisk, help text where every other translated
field has it."""

import pytest
from bs4 import BeautifulSoup

from core import modeltranslation_overrides
from standard_pages.models import StandardPage
from tests import factories
from tests.helpers import add_url, edit_url


def title_panels(html):
    soup = BeautifulSoup(html, "html.parser")
    panels = {}
    for code in ("en", "es", "fr", "pt"):
        field = soup.find(id=f"id_title_{code}")
        section = field.find_parent("section", class_="w-panel")
        wrapper = field.find_parent(attrs={"data-field-wrapper": True})
        order = [
            "help" if "w-field__help" in element.get("class", []) else "input"
            for element in wrapper.select(".w-field__help, .w-field__input")
        ]
        panels[code] = {
            "placeholder": field.get("placeholder"),
            "big_title": "title" in section["class"],
            "asterisk": section.select_one(".w-required-mark") is not None,
            "order": order,
            "syncs_slug": f"#id_slug_{code}" in field.get("data-w-sync-target-value", ""),
        }
    return panels


@pytest.mark.django_db
def test_optional_titles_are_drawn_alike_without_a_required_placeholder(admin_client, home):
    page = factories.StandardPageFactory(parent=home, name="Vendors")
    for html in (
        admin_client.get(edit_url(page)).content.decode(),
        admin_client.get(add_url(StandardPage, home)).content.decode(),
    ):
        panels = title_panels(html)
        assert panels["en"]["placeholder"] == "Page title*" and panels["en"]["asterisk"]
        optional = [panels[code] for code in ("es", "fr", "pt")]
        for panel in optional:
            assert panel["placeholder"] is None and not panel["asterisk"] and not panel["big_title"]
        # Same markup, so Wagtail's CSS (which moved the help text of the first two `.title`
        # panels only) places their help text alike.
        assert len({(panel["big_title"], tuple(panel["order"])) for panel in optional}) == 1
    # On a new page, each language's title still fills its slug.
    assert all(panels[code]["syncs_slug"] for code in ("es", "fr", "pt"))


def test_the_startup_check_notices_optional_titles_drawn_as_required(monkeypatch):
    [panel, *_rest] = modeltranslation_overrides._translated_titles(StandardPage)
    monkeypatch.setattr(panel, "placeholder", True)
    errors = {error.id for error in modeltranslation_overrides.check_patched_targets() if error.obj is StandardPage}
    assert "core.E004" in errors
