"""Stored translation status: constructed cases for each state, and the mark clearing."""

import pytest

from tests.factories import StandardPageFactory
from translations import status
from translations.models import LanguageStatus, Status, TranslatedObject

pytestmark = pytest.mark.django_db


def body(*blocks):
    return [{"type": kind, "value": value, "id": block_id} for block_id, kind, value in blocks]


def statuses(page):
    item = TranslatedObject.objects.get(page=page)
    return {row.language: row.status for row in item.languages.all()}


def row(page, language):
    return LanguageStatus.objects.get(item__page=page, language=language)


def test_complete_missing_and_partial(home):
    page = StandardPageFactory(parent=home, name="Street vendors", missing=("fr",))
    assert statuses(page) == {"es": Status.COMPLETE, "fr": Status.MISSING, "pt": Status.COMPLETE}
    page.teaser_pt = ""
    page.save()
    assert statuses(page)["pt"] == Status.PARTIAL
    pt = row(page, "pt")
    assert pt.translated == pt.item.units - 1


def test_english_change_marks_translation_out_of_date_until_updated(home):
    page = StandardPageFactory(parent=home, name="Waste pickers")
    page.teaser_en = "A new English teaser"
    page.save()
    assert statuses(page) == {"es": Status.OUTDATED, "fr": Status.OUTDATED, "pt": Status.OUTDATED}
    assert row(page, "es").outdated == 1
    # Updating the Spanish field clears the mark for Spanish only.
    page.teaser_es = "Un nuevo resumen"
    page.save()
    assert statuses(page) == {"es": Status.COMPLETE, "fr": Status.OUTDATED, "pt": Status.OUTDATED}


def test_confirming_clears_the_mark(home):
    page = StandardPageFactory(parent=home, name="Home-based workers")
    page.teaser_en = "Changed English"
    page.save()
    item = TranslatedObject.objects.get(page=page)
    assert status.confirm(item, "fr") == 1
    assert statuses(page)["fr"] == Status.COMPLETE
    page.save()  # a later save keeps the confirmation
    assert statuses(page)["fr"] == Status.COMPLETE
    assert statuses(page)["es"] == Status.OUTDATED


def test_stream_blocks_are_units_keyed_by_the_english_block(home):
    page = StandardPageFactory(
        parent=home,
        name="Domestic workers",
        body_en=body(("p1", "paragraph", "<p>One</p>"), ("h1", "heading", {"text": "Title", "level": "h2"})),
        body_es=body(("p1", "paragraph", "<p>Uno</p>"), ("h1", "heading", {"text": "Título", "level": "h2"})),
        body_fr=body(("x", "paragraph", "<p>Un</p>")),  # typed by hand: matched by position
        body_pt=[],
    )
    item = TranslatedObject.objects.get(page=page)
    assert {"body.p1", "body.h1.text"} <= set(item.sources)
    assert "body.p1" in row(page, "fr").fields and "body.h1.text" not in row(page, "fr").fields
    assert statuses(page)["fr"] == Status.PARTIAL
    # Changing one English block marks only that block out of date.
    page.body_en = body(("p1", "paragraph", "<p>One, revised</p>"), ("h1", "heading", {"text": "Title", "level": "h2"}))
    page.save()
    es = row(page, "es")
    assert es.status == Status.OUTDATED and es.outdated == 1


def test_status_follows_the_latest_revision_and_reports_live_difference(home):
    page = StandardPageFactory(parent=home, name="Cooperatives", missing=("pt",))
    assert statuses(page)["pt"] == Status.MISSING
    page.title_pt = "Cooperativas"
    page.teaser_pt = "Resumo"
    page.body_pt = body(("b", "paragraph", "<p>Texto</p>"))
    page.save_revision()  # a draft: the live page still lacks Portuguese
    pt = row(page, "pt")
    assert pt.status != Status.MISSING
    assert pt.live_status == Status.MISSING
    page.get_latest_revision().publish()
    pt = row(page, "pt")
    assert pt.live_status == ""


def test_updated_draft_translation_shows_the_live_version_still_out_of_date(home):
    page = StandardPageFactory(parent=home, name="Vending zones")
    page.teaser_en = "Revised English teaser"
    page.save_revision().publish()
    assert statuses(page)["es"] == Status.OUTDATED
    draft = page.get_latest_revision_as_object()
    draft.teaser_es = "Resumen revisado"
    draft.save_revision()  # the translator's draft: Spanish is current, the live page is not
    es = row(page, "es")
    assert (es.status, es.live_status) == (Status.COMPLETE, Status.OUTDATED)
    assert row(page, "fr").live_status == ""  # French: draft and live are the same
    page.refresh_from_db()
    page.get_latest_revision().publish()
    es = row(page, "es")
    assert (es.status, es.live_status) == (Status.COMPLETE, "")


def test_a_draft_with_new_translations_shows_the_live_difference_even_with_the_same_status(home):
    page = StandardPageFactory(parent=home, name="Markets")
    draft = page.get_latest_revision_as_object()
    draft.teaser_es = "Un resumen nuevo"
    draft.save_revision()
    es = row(page, "es")
    assert es.status == Status.COMPLETE
    assert es.live_status == Status.COMPLETE  # shown: the live Spanish differs from the draft


def test_resaving_unchanged_rich_text_is_not_an_english_change(home):
    page = StandardPageFactory(
        parent=home,
        name="About",
        body_en=body(("p", "paragraph", "<p>Same words.</p>")),
        body_es=body(("p", "paragraph", "<p>Mismas palabras.</p>")),
    )
    # What the rich text editor stores when the paragraph is saved again untouched.
    page.body_en = body(("p", "paragraph", '<p data-block-key="a1b2c">Same   words.</p>'))
    page.save()
    assert statuses(page)["es"] == Status.COMPLETE
    page.body_en = body(("p", "paragraph", '<p data-block-key="a1b2c">Other words.</p>'))
    page.save()
    assert statuses(page)["es"] == Status.OUTDATED
