"""Events in the site-wide parts: the translators' status report and PO/XLIFF exchange, search
and the sitemap, each by the language rules."""

import polib
import pytest
from django.contrib.auth import get_user_model

from events.models import EventPage
from tests import factories
from tests.helpers import fill_po, found, full_url, url_in
from translations.exchange import export, importing


@pytest.mark.django_db
def test_event_fields_are_exported_and_imported_as_po(events_index):
    event = factories.EventPageFactory(parent=events_index, name="Vendors Forum", missing=("es",))
    event.report_en = factories.paragraph("The forum agreed on a charter.")
    event.save_revision().publish()
    text = export.export_file(export.PAGE, "es", page=event)
    keys = {entry.msgctxt.rsplit(":", 1)[-1] for entry in polib.pofile(text)}
    assert {"title", "teaser", "intro", "venue", "city"} <= keys
    assert any(key.startswith("report.") for key in keys)
    # A translator fills the file and brings it back: a draft with the Spanish text.
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "password")
    importing.import_file(fill_po(text, "es"), "es", user, name="event.po")
    draft = EventPage.objects.get(pk=event.pk).get_latest_revision().as_object()
    assert draft.intro_es == "es: Introduction of Vendors Forum in English"
    assert draft.venue_es == "es: Community hall en"


@pytest.mark.django_db
def test_event_is_in_the_translation_report(admin_client, events_index):
    event = factories.EventPageFactory(parent=events_index, name="Vendors Forum", missing=("pt",))
    html = admin_client.get("/admin/translations/status/").content.decode()
    assert "Vendors Forum English" in html
    assert event.pk


@pytest.mark.django_db
def test_events_are_searched_and_in_the_sitemap_by_language(client, events_index):
    event = factories.EventPageFactory(parent=events_index, name="Vendors Forum", missing=("fr",))
    event.save_revision().publish()  # publishing indexes the page
    assert url_in(event, "es") in found(client, "es", "Vendors Forum Español")
    assert url_in(event, "fr") in found(client, "fr", "Vendors Forum English")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{full_url(event, 'es')}</loc>" in sitemap
    assert f"<loc>{full_url(event, 'fr')}</loc>" not in sitemap  # not written in French
    assert f"<loc>{full_url(events_index, 'pt')}</loc>" in sitemap
