"""The admin's export and import of translation files, through real requests."""

import re

import polib
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree
from wagtail.models import GroupPagePermission, Page, WorkflowState

from standard_pages.models import StandardPage
from tests.factories import RegionFactory, StandardPageFactory
from translations.exchange import export, xliff
from translations.models import LanguageStatus, Status

pytestmark = pytest.mark.django_db

EXPORT, IMPORT = "/admin/translations/files/export/", "/admin/translations/files/import/"


@pytest.fixture
def page(home):
    return StandardPageFactory(parent=home, name="Vendors", missing=("es",))


@pytest.fixture
def translator(client, django_user_model):
    """A Spanish translator who may edit pages (but not publish) and reach the admin."""
    user = django_user_model.objects.create_user("ana", "ana@example.org", "password")
    group = Group.objects.create(name="Spanish translators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="translate_es")
    )
    GroupPagePermission.objects.create(group=group, page=Page.get_first_root_node(), permission_type="change")
    user.groups.add(group)
    client.force_login(user)
    return client


@pytest.fixture
def editor_without_rights(client, django_user_model):
    """Reaches the admin, edits pages, but may translate no language."""
    user = django_user_model.objects.create_user("bob", "bob@example.org", "password")
    group = Group.objects.create(name="Editors without languages")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=group, page=Page.get_first_root_node(), permission_type="change")
    user.groups.add(group)
    client.force_login(user)
    return client


def filled_po(page, language="es"):
    po = polib.pofile(export.export_file(export.PAGE, language, page=page))
    for entry in po:
        entry.msgstr = f"{language}: {entry.msgid}"
    return str(po).encode()


def test_export_form_downloads_po_and_xliff(admin_client, page):
    form = admin_client.get(EXPORT, {"page": page.pk})
    assert form.status_code == 200
    html = form.content.decode()
    assert 'name="language"' in html and 'name="scope"' in html and 'name="file_format"' in html
    assert f'value="{page.pk}"' in html

    response = admin_client.get(EXPORT, {"language": "es", "scope": "page", "page": page.pk, "file_format": "po"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    assert 'attachment; filename="wiego-es-page-' in response["Content-Disposition"]
    po = polib.pofile(response.content.decode())
    assert po.metadata["Language"] == "es"
    assert po.metadata["Last-Translator"] == "editor <editor@example.org>"  # who exported it
    assert po.find(f"standard_pages.standardpage:{page.pk}:title", by="msgctxt").msgid == "Vendors English"

    response = admin_client.get(EXPORT, {"language": "fr", "scope": "out-of-date", "file_format": "xliff"})
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.xlf"')
    root = etree.fromstring(response.content)
    assert root.get("trgLang") == "fr" and root.findall(f".//{{{xliff.XLIFF_NS}}}unit") == []


def test_export_form_needs_a_page_for_page_scopes(admin_client):
    response = admin_client.get(EXPORT, {"language": "es", "scope": "section", "page": "", "file_format": "po"})
    assert response.status_code == 400
    assert "Choose a page." in response.content.decode()


@pytest.mark.parametrize("value", ["abc", "\x00", "1e5", "²", "-1", "9" * 30])
def test_export_form_with_a_page_parameter_that_is_no_page(admin_client, page, value):
    # Not a 500: the form, set to "everything out of date", as when no page is given.
    response = admin_client.get(EXPORT, {"page": value})
    assert response.status_code == 200
    assert re.search(r'<input type="radio" name="scope" value="out-of-date"[^>]* checked>', response.content.decode())


def test_import_creates_drafts_and_lists_the_changes(admin_client, page):
    revisions = page.revisions.count()
    upload = SimpleUploadedFile("es.po", filled_po(page), content_type="text/plain")
    response = admin_client.post(IMPORT, {"file": upload, "language": "es"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Saved as a new draft revision (not published)." in html
    assert f'href="/admin/pages/{page.pk}/edit/"' in html
    assert "es: Teaser of Vendors in English" in html
    assert page.revisions.count() == revisions + 1
    assert StandardPage.objects.get(pk=page.pk).title_es is None  # live page untouched
    assert LanguageStatus.objects.get(item__page=page, language="es").status == Status.COMPLETE


def test_import_check_only_saves_nothing(admin_client, page):
    upload = SimpleUploadedFile("es.po", filled_po(page))
    response = admin_client.post(IMPORT, {"file": upload, "language": "es", "dry_run": "on"})
    assert response.status_code == 200
    assert "Checked only, nothing was saved" in response.content.decode()
    assert page.revisions.count() == 0


def test_import_errors_are_listed_and_nothing_is_saved(admin_client, page):
    upload = SimpleUploadedFile("fr.po", filled_po(page, "fr"))
    response = admin_client.post(IMPORT, {"file": upload, "language": "es"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "This file is for language “fr”, not “es”." in html
    assert page.revisions.count() == 0

    upload = SimpleUploadedFile("es.xlf", b"<xliff version='2.0'><file>")
    response = admin_client.post(IMPORT, {"file": upload, "language": "es"})
    assert response.status_code == 400 and "not well-formed XML" in response.content.decode()


def test_import_is_csrf_protected(client, django_user_model, page):
    client.handler.enforce_csrf_checks = True
    client.force_login(django_user_model.objects.create_superuser("lead", "lead@example.org", "password"))
    response = client.post(IMPORT, {"file": SimpleUploadedFile("es.po", filled_po(page)), "language": "es"})
    assert response.status_code == 403
    assert page.revisions.count() == 0


def test_translator_imports_only_their_language(translator, page):
    form = translator.get(IMPORT).content.decode()
    assert '<option value="es"' in form and '<option value="fr"' not in form
    response = translator.post(IMPORT, {"file": SimpleUploadedFile("es.po", filled_po(page)), "language": "es"})
    assert response.status_code == 200
    assert page.revisions.get().user.username == "ana"
    response = translator.post(IMPORT, {"file": SimpleUploadedFile("fr.po", filled_po(page, "fr")), "language": "fr"})
    assert response.status_code == 400  # not a choice for this user
    assert page.revisions.count() == 1


def test_translator_without_edit_right_on_a_snippet_is_refused(translator, home):
    region = RegionFactory(key="africa", name_es="")
    po = polib.pofile(export.export_file(export.OUT_OF_DATE, "es"))
    for entry in po:
        entry.msgstr = "África"
    response = translator.post(IMPORT, {"file": SimpleUploadedFile("es.po", str(po).encode()), "language": "es"})
    assert response.status_code == 400
    assert "You may not edit “Region africa en”" in response.content.decode()
    region.refresh_from_db()
    assert region.name_es == ""


def test_users_without_translate_rights_are_refused(editor_without_rights, page):
    # Wagtail answers PermissionDenied in its admin with a redirect to the dashboard and a message.
    for response in (
        editor_without_rights.get(EXPORT),
        editor_without_rights.get(EXPORT, {"language": "es", "scope": "out-of-date", "file_format": "po"}),
        editor_without_rights.get(IMPORT),
        editor_without_rights.post(IMPORT, {"file": SimpleUploadedFile("es.po", filled_po(page)), "language": "es"}),
    ):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert page.revisions.count() == 0
    assert "Export for translation" not in editor_without_rights.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "/admin/translations/" not in editor_without_rights.get("/admin/").content.decode()


def test_anonymous_users_go_to_the_login(client, page):
    response = client.get(EXPORT)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_page_menus_and_main_menu_offer_the_export(admin_client, page):
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"{EXPORT}?page={page.pk}" in edit
    listing = admin_client.get(f"/admin/pages/{page.get_parent().pk}/").content.decode()
    assert f"{EXPORT}?page={page.pk}" in listing
    dashboard = admin_client.get("/admin/").content.decode()
    assert "/admin/translations/status/" in dashboard and IMPORT in dashboard


def test_import_can_submit_the_new_drafts_for_review(translator, page):
    upload = SimpleUploadedFile("es.po", filled_po(page), content_type="text/plain")
    response = translator.post(IMPORT, {"file": upload, "language": "es", "submit": "on"})
    assert response.status_code == 200
    assert "Submitted for review." in response.content.decode()
    fresh = StandardPage.objects.get(pk=page.pk)
    state = fresh.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by.username == "ana"
    assert state.current_task_state.revision_id == fresh.latest_revision_id  # the imported draft
    assert fresh.title_es is None  # still not published


def test_import_without_submit_starts_no_workflow(admin_client, page):
    upload = SimpleUploadedFile("es.po", filled_po(page), content_type="text/plain")
    assert admin_client.post(IMPORT, {"file": upload, "language": "es"}).status_code == 200
    assert StandardPage.objects.get(pk=page.pk).current_workflow_state is None
