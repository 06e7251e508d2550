"""What an import refuses, writing nothing: another language, unknown objects and texts, English
changed since the export, markup not allowed, rich text that would break the page or its editor,
no permission."""

import re

import polib
import pytest
from django.contrib.auth.models import Group, Permission
from lxml import etree
from wagtail.models import GroupPagePermission, Page

from tests.factories import StandardPageFactory
from tests.helpers import NS, fill_po, fill_xliff, latest, make_document, refuse, valid_and
from translations.exchange import export, formats, importing

pytestmark = pytest.mark.django_db


def test_file_for_another_language_is_refused(vendors, superuser):
    refuse(valid_and(vendors, None, "fr"), "es", superuser, vendors, expect="for language “fr”, not “es”")
    xliff = fill_xliff(export.export_file(export.PAGE, "pt", page=vendors, file_format=formats.XLIFF), "pt")
    refuse(xliff, "es", superuser, vendors, expect="for language “pt”, not “es”")
    no_language = re.sub(rb'"Language: es\\n"\n', b"", valid_and(vendors, None))
    refuse(no_language, "es", superuser, vendors, expect="no Language header")


def test_unknown_unit_is_refused(vendors, superuser):
    extra = polib.POEntry(msgctxt=f"standard_pages.standardpage:{vendors.pk}:body.gone", msgid="Old", msgstr="Viejo")
    refuse(valid_and(vendors, extra), "es", superuser, vendors, expect="is not a text of this object")


def test_unknown_object_and_bad_keys_are_refused(vendors, superuser):
    extra = polib.POEntry(msgctxt="standard_pages.standardpage:999999:title", msgid="Gone", msgstr="Ido")
    refuse(valid_and(vendors, extra), "es", superuser, vendors, expect="does not exist")
    extra = polib.POEntry(msgctxt="auth.user:1:username", msgid="lead", msgstr="jefe")
    refuse(valid_and(vendors, extra), "es", superuser, vendors, expect="unknown kind of object")
    extra = polib.POEntry(msgctxt="whatever", msgid="x", msgstr="y")
    refuse(valid_and(vendors, extra), "es", superuser, vendors, expect="is not a key of this site")


def test_english_changed_since_export_is_refused(vendors, superuser):
    filled = fill_po(export.export_file(export.PAGE, "es", page=vendors), "es")
    draft = latest(vendors)
    draft.teaser_en = "The teaser, rewritten"
    draft.save_revision()
    errors = refuse(filled, "es", superuser, vendors, expect="changed since the export")
    assert len(errors) == 1 and f"standardpage:{vendors.pk}:teaser" in errors[0]


def test_disallowed_rich_text_markup_is_refused(vendors, superuser):
    po = polib.pofile(fill_po(export.export_file(export.PAGE, "es", page=vendors), "es").decode())
    po.find(
        f"standard_pages.standardpage:{vendors.pk}:body.p1", by="msgctxt"
    ).msgstr = '<p>Hola<script>alert(1)</script><a href="javascript:alert(1)">x</a></p>'
    refuse(str(po).encode(), "es", superuser, vendors, expect="<script>")


def test_users_without_permission_are_refused(vendors, django_user_model):
    filled = fill_po(export.export_file(export.PAGE, "es", page=vendors), "es")
    nobody = django_user_model.objects.create_user("nobody", password="password")
    refuse(filled, "es", nobody, vendors, expect="may not translate into this language")
    # Spanish permission but no right to edit the page.
    translator = django_user_model.objects.create_user("ana", password="password")
    translator.user_permissions.add(Permission.objects.get(codename="translate_es"))
    translator = django_user_model.objects.get(pk=translator.pk)
    refuse(filled, "es", translator, vendors, expect="You may not edit")
    # French permission only: refused for Spanish.
    french = django_user_model.objects.create_user("jeanne", password="password")
    french.user_permissions.add(Permission.objects.get(codename="translate_fr"))
    group = Group.objects.create(name="Page editors")
    GroupPagePermission.objects.create(group=group, page=Page.get_first_root_node(), permission_type="change")
    french.groups.add(group)
    french = django_user_model.objects.get(pk=french.pk)
    refuse(filled, "es", french, vendors, expect="may not translate into this language")


# Rich text whose tags are all allowed but which would break the page or its editor once stored.
BREAKING_RICH_TEXT = [
    ('<p>Hola <a linktype="page" id="abc">más</a></p>', "page link without a valid id (“abc”)"),
    ('<p>Hola <a linktype="page">más</a></p>', "page link without a valid id"),
    ('<p>Hola <a linktype="page" id="999999">más</a></p>', "a link to page 999999, which does not exist"),
    ('<p>Hola <a linktype="document" id="x1">más</a></p>', "document link without a valid id (“x1”)"),
    ('<p>Hola <a linktype="document">más</a></p>', "document link without a valid id"),
    ('<p>Hola <a linktype="document" id="999999">más</a></p>', "a link to document 999999, which does not exist"),
    ('<p>Hola <a linktype="email" id="1">más</a></p>', "unknown link type “email”"),
    ("<ul><li>Hola <b>más</li></ul>", "<b> is closed by </li>"),
    ("<p>Hola<br>más</p>", "<br> must be written <br/>"),
    ("<li>Hola</li>", "markup the editor cannot read"),
]


@pytest.mark.parametrize("file_format", [formats.PO, formats.XLIFF])
def test_rich_text_that_would_break_the_page_is_refused(vendors, superuser, file_format):
    key = f"standard_pages.standardpage:{vendors.pk}:body.p1"
    for html, expected in BREAKING_RICH_TEXT:
        exported = export.export_file(export.PAGE, "es", page=vendors, file_format=file_format)
        if file_format == formats.PO:
            po = polib.pofile(fill_po(exported, "es").decode())
            po.find(key, by="msgctxt").msgstr = html
            content = str(po).encode()
        else:
            root = etree.fromstring(fill_xliff(exported, "es"))
            root.find(f".//x:unit[@id='{key}']//x:target", NS).text = html
            content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        errors = refuse(content, "es", superuser, vendors, expect="would break the page or its editor")
        assert len(errors) == 1 and key in errors[0] and expected in errors[0], (html, errors)


def test_rich_text_with_working_links_is_imported(vendors, superuser, home):
    target = StandardPageFactory(parent=home, name="Target")
    document = make_document("Report", "report.pdf")
    po = polib.pofile(fill_po(export.export_file(export.PAGE, "es", page=vendors), "es").decode())
    html = (
        f'<p>Los <a linktype="page" id="{target.pk}">vendedores</a> y <a linktype="document" '
        f'id="{document.pk}">el informe</a><br/><a href="https://example.org">Más</a></p>'
    )
    po.find(f"standard_pages.standardpage:{vendors.pk}:body.p1", by="msgctxt").msgstr = html
    importing.import_file(str(po).encode(), "es", superuser)
    assert latest(vendors).body_es[0].value.source == html
