"""An out-of-date translation shows how the English changed since it was made: old English → new
English, word by word, in the field-by-field view and in the editor's Translation tab."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import StandardPageFactory
from translations.models import LanguageStatus, TranslatedObject

pytestmark = pytest.mark.django_db

REPORT = "/admin/translations/status/"


@pytest.fixture
def changed(home):
    page = StandardPageFactory(parent=home, name="Vendors", teaser_en="Street vendors organise in the city.")
    page.teaser_en = "Street vendors and waste pickers organise in cities."
    page.save_revision()
    return page


def english_change(html, language="es"):
    soup = BeautifulSoup(html, "html.parser")
    cell = soup.select_one(f'.translation-fields tr[data-key="teaser"] td[data-language="{language}"]')
    assert cell["data-status"] == "outdated"
    return cell


def test_the_english_a_translation_was_made_from_is_kept_for_translated_units_only(changed):
    row = LanguageStatus.objects.get(item__page=changed, language="es")
    assert row.fields["teaser"]["text"] == "Street vendors organise in the city."
    assert row.fields["title"]["text"] == "Vendors English"
    assert "text" not in next(iter(row.live_fields.values()))  # the live record stays small
    partial = StandardPageFactory(parent=changed.get_parent(), name="Partial", intro_fr="")
    french = LanguageStatus.objects.get(item__page=partial, language="fr")
    assert "intro" not in french.fields  # nothing stored for an untranslated unit


def test_field_view_and_translation_tab_show_old_to_new_english(admin_client, changed):
    item = TranslatedObject.objects.get(page=changed)
    for url in (f"{REPORT}{item.pk}/", f"/admin/pages/{changed.pk}/edit/"):
        cell = english_change(admin_client.get(url).content.decode())
        change = cell.select_one("[data-english-change]")
        assert [tag.get_text() for tag in change.select("ins")] == [
            "[added: and waste pickers]",
            "[added: cities.]",
        ]
        assert [tag.get_text() for tag in change.select("del")] == ["[removed: the city.]"]
        assert "Teaser of Vendors in Español" in cell.get_text()  # the translation beside it
    detail = BeautifulSoup(admin_client.get(f"{REPORT}{item.pk}/").content, "html.parser")
    confirm = detail.select_one("form.translation-confirm")
    assert confirm.select_one("[data-english-change] del").get_text() == "[removed: the city.]"


def test_units_translated_before_the_english_was_kept_say_so(admin_client, changed):
    row = LanguageStatus.objects.get(item__page=changed, language="es")
    for record in row.fields.values():
        record.pop("text")  # as stored before this change
    row.save()
    cell = english_change(admin_client.get(f"/admin/pages/{changed.pk}/edit/").content.decode())
    assert cell.select_one("[data-english-change]") is None
    assert "was not recorded" in cell.select_one(".translation-change--unknown").get_text()


def test_confirming_records_the_english_now(admin_client, changed):
    item = TranslatedObject.objects.get(page=changed)
    admin_client.post(f"{REPORT}{item.pk}/confirm/", {"language": "es", "keys": ["teaser"]})
    row = LanguageStatus.objects.get(item=item, language="es")
    assert row.fields["teaser"]["text"] == "Street vendors and waste pickers organise in cities."
