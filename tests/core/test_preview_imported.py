"""A preview judges the page's languages on the draft being previewed, not on the live page."""

import polib
import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from tests import factories
from tests.helpers import edit_url, read_form
from translations.exchange import export, importing

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("live", [True, False])
def test_spanish_preview_of_a_draft_with_imported_spanish_has_no_missing_language_notice(admin_client, home, live):
    page = factories.StandardPageFactory(parent=home, name="Child care", missing=("es",), live=live)
    po = polib.pofile(export.export_file(export.PAGE, "es", page=page))
    for entry in po:
        entry.msgstr = f"ES {entry.msgid}"
    importing.import_file(str(po).encode(), "es", get_user_model().objects.get(username="editor"), name="es.po")
    page.refresh_from_db()
    assert page.has_unpublished_changes and not page.title_es  # the page's row still lacks Spanish

    data = read_form(admin_client.get(edit_url(page)))
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    assert admin_client.post(preview_url, data).json()["is_valid"]
    revision = page.get_latest_revision()
    revision_url = f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/"
    for url in (preview_url, f"/admin/pages/{page.pk}/view_draft/", revision_url):
        html = admin_client.get(url, {"mode": "es"}).content.decode()
        assert "<h1>ES Child care English</h1>" in html, url
        assert 'class="notice" role="note"' not in html, url  # "not yet available in Spanish"
    if live:  # the published page, not yet imported, still says so
        with translation.override("es"):
            url = page.get_url()
        assert 'class="notice" role="note"' in admin_client.get(url).content.decode()
