"""Translation files: export to PO/XLIFF, import back as draft revisions, refusals, commands."""

import io
import re

import polib
import pytest
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from lxml import etree
from wagtail.models import GroupPagePermission, Page, Site

from core.models import SiteSettings
from places.models import Region
from standard_pages.models import StandardPage
from tests.factories import RegionFactory, StandardPageFactory
from translations import files
from translations.models import LanguageStatus, Status, TranslatedObject

pytestmark = pytest.mark.django_db

NS = {"x": files.XLIFF_NS}


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("lead", "lead@example.org", "password")


@pytest.fixture
def photo(db):
    return wagtail_factories.ImageFactory(title="Market", description_en="Vendors at a market", caption_en="Market")


def english_body(photo, link):
    return [
        {
            "type": "paragraph",
            "value": '<p>Street vendors <b>organise</b>. <a href="https://example.org">More</a></p>',
            "id": "p1",
        },
        {"type": "heading", "value": {"text": "Who we are", "level": "h3"}, "id": "h1"},
        {
            "type": "key_figures",
            "value": [
                {"type": "item", "value": {"figure": "61%", "label": "of workers are informal"}, "id": "k1"},
                {"type": "item", "value": {"figure": "2 billion", "label": "informal workers"}, "id": "k2"},
            ],
            "id": "kf",
        },
        {"type": "quote", "value": {"text": "We are workers", "attribution": "A vendor"}, "id": "q1"},
        {
            "type": "call_to_action",
            "value": {"heading": "Read more", "text": "In the library", "page": link.pk, "url": "", "link_text": "Go"},
            "id": "c1",
        },
        {"type": "image", "value": {"image": photo.pk, "caption": "Vendors at the market"}, "id": "i1"},
    ]


@pytest.fixture
def vendors(home, photo):
    link = StandardPageFactory(parent=home, name="Library link")
    return StandardPageFactory(
        parent=home, name="Vendors", body_en=english_body(photo, link), missing=("es", "fr", "pt")
    )


def translate(text, language):
    """A fake translation that keeps rich text markup: every run of text gets a language prefix."""
    if text.startswith("<"):
        return re.sub(r">([^<]+)<", lambda match: f">{language}: {match[1]}<", text)
    return f"{language}: {text}"


def fill_po(text, language, only=None):
    po = polib.pofile(text)
    for entry in po:
        if only is None or entry.msgctxt.endswith(only):
            entry.msgstr = translate(entry.msgid, language)
    return str(po).encode()


def fill_xliff(text, language):
    root = etree.fromstring(text.encode())
    for segment in root.iterfind(".//x:segment", NS):
        target = segment.find("x:target", NS)
        if target is None:
            target = etree.SubElement(segment, f"{{{files.XLIFF_NS}}}target")
        target.text = translate(segment.find("x:source", NS).text, language)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def latest(page):
    fresh = StandardPage.objects.get(pk=page.pk)
    return fresh.get_latest_revision().as_object() if fresh.latest_revision_id else fresh


def snapshot(*pages):
    """What an import could change: revisions and every language's columns of the pages."""
    state = {"revisions": sum(page.revisions.count() for page in pages)}
    for page in pages:
        fresh = StandardPage.objects.get(pk=page.pk)
        for code in ("en", "es", "fr", "pt"):
            for name in ("title", "teaser", "intro", "body"):
                value = getattr(fresh, f"{name}_{code}")
                state[(page.pk, name, code)] = list(value.raw_data) if hasattr(value, "raw_data") else value
    state["regions"] = sorted(Region.objects.values_list("pk", "name_es", "name_fr"))
    return state


# -- Round trip -----------------------------------------------------------------------------
@pytest.mark.parametrize("file_format", [files.PO, files.XLIFF])
@pytest.mark.parametrize("language", ["es", "fr", "pt"])
def test_round_trip_writes_a_draft_in_the_english_structure(vendors, photo, superuser, language, file_format):
    live_before = snapshot(vendors)
    revisions_before = vendors.revisions.count()
    exported = files.export(files.PAGE, language, page=vendors, file_format=file_format)
    keys = set(re.findall(r"standardpage:\d+:[\w.%-]+", exported))
    assert f"standard_pages.standardpage:{vendors.pk}:body.kf.k1.label" in exported
    assert f"standard_pages.standardpage:{vendors.pk}:body.c1.link_text" in exported
    filled = fill_po(exported, language) if file_format == files.PO else fill_xliff(exported, language)

    report = files.import_file(filled, language, superuser, name=f"x.{files.EXTENSIONS[file_format]}")

    [result] = report.objects
    assert result.obj.pk == vendors.pk and result.revision is not None
    assert len(result.changes) == len(keys) == 15  # title, teaser, intro + 12 stream leaves
    # A new draft revision; the live page is unchanged and not republished.
    assert vendors.revisions.count() == revisions_before + 1
    assert snapshot(vendors) == {**live_before, "revisions": live_before["revisions"] + 1}
    fresh = StandardPage.objects.get(pk=vendors.pk)
    assert fresh.has_unpublished_changes and fresh.live
    draft = latest(vendors)
    assert getattr(draft, f"title_{language}") == f"{language}: Vendors English"
    assert getattr(draft, f"teaser_{language}") == f"{language}: Teaser of Vendors in English"
    body = list(getattr(draft, f"body_{language}").raw_data)
    english = list(draft.body_en.raw_data)
    assert [(block["type"], block["id"]) for block in body] == [(block["type"], block["id"]) for block in english]
    p, h, kf, q, cta, image = (block["value"] for block in body)
    assert p == (
        f"<p>{language}: Street vendors <b>{language}: organise</b>{language}: . "
        f'<a href="https://example.org">{language}: More</a></p>'
    )
    assert h == {"text": f"{language}: Who we are", "level": "h3"}
    assert [(item["id"], item["value"]) for item in kf] == [
        ("k1", {"figure": f"{language}: 61%", "label": f"{language}: of workers are informal"}),
        ("k2", {"figure": f"{language}: 2 billion", "label": f"{language}: informal workers"}),
    ]
    assert q == {"text": f"{language}: We are workers", "attribution": f"{language}: A vendor"}
    assert cta["page"] == english[4]["value"]["page"] and cta["url"] == ""
    assert cta["heading"] == f"{language}: Read more" and cta["link_text"] == f"{language}: Go"
    assert image == {"image": photo.pk, "caption": f"{language}: Vendors at the market"}
    # The stored status follows the draft: nothing missing in that language any more.
    row = LanguageStatus.objects.get(item__page=vendors, language=language)
    assert row.status == Status.COMPLETE and row.translated == 15
    others = {code for code in ("es", "fr", "pt") if code != language}
    assert set(
        LanguageStatus.objects.filter(item__page=vendors, language__in=others).values_list("status", flat=True)
    ) == {Status.MISSING}
    # Importing the same file again changes nothing and makes no revision.
    again = files.import_file(filled, language, superuser, name=f"x.{files.EXTENSIONS[file_format]}")
    assert again.objects == [] and again.unchanged == 15
    assert vendors.revisions.count() == revisions_before + 1


def test_partial_file_keeps_other_translated_leaves(vendors, superuser):
    first = fill_po(files.export(files.PAGE, "es", page=vendors), "es")
    files.import_file(first, "es", superuser)
    exported = files.export(files.PAGE, "es", page=vendors)
    po = polib.pofile(exported)
    kept = [entry for entry in po if entry.msgctxt.endswith(":body.q1.text")]
    kept[0].msgstr = "Somos trabajadoras"
    only_quote = polib.POFile(wrapwidth=0)
    only_quote.metadata = po.metadata
    only_quote.append(kept[0])

    report = files.import_file(str(only_quote).encode(), "es", superuser)

    [change] = report.objects[0].changes
    assert (change.old, change.new) == ("es: We are workers", "Somos trabajadoras")
    body = {block["id"]: block["value"] for block in latest(vendors).body_es.raw_data}
    assert body["q1"] == {"text": "Somos trabajadoras", "attribution": "es: A vendor"}
    assert body["h1"]["text"] == "es: Who we are"


def test_po_file_format(vendors):
    text = files.export(files.PAGE, "fr", page=vendors)
    po = polib.pofile(text)
    assert po.metadata["Language"] == "fr"
    assert po.metadata[files.EXPORTED_AT_HEADER]
    assert po.metadata[files.SCOPE_HEADER] == f"page {vendors.pk}"
    entry = po.find(f"standard_pages.standardpage:{vendors.pk}:body.h1.text", by="msgctxt")
    assert entry.msgid == "Who we are" and entry.msgstr == ""
    assert "Vendors English — Body / Heading / Heading" in entry.comment
    assert f"/admin/pages/{vendors.pk}/edit/" in entry.comment
    assert "fuzzy" not in entry.flags


def test_xliff_file_format(vendors):
    root = etree.fromstring(files.export(files.PAGE, "pt", page=vendors, file_format=files.XLIFF).encode())
    assert root.tag == f"{{{files.XLIFF_NS}}}xliff"
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "en", "pt")
    unit = root.find(f".//x:unit[@id='standard_pages.standardpage:{vendors.pk}:body.q1.attribution']", NS)
    assert unit.find("x:segment/x:source", NS).text == "A vendor"
    assert unit.find("x:segment/x:target", NS) is None
    assert unit.find("x:segment", NS).get("state") == "initial"


def test_section_export_holds_the_page_and_its_descendants(home, vendors):
    parent = StandardPageFactory(parent=home, name="Programmes")
    child = StandardPageFactory(parent=parent, name="Child")
    grandchild = StandardPageFactory(parent=child, name="Grandchild")
    text = files.export(files.SECTION, "es", page=parent)
    pks = {int(pk) for pk in re.findall(r'msgctxt "standard_pages\.standardpage:(\d+):', text)}
    assert pks == {parent.pk, child.pk, grandchild.pk}


# -- Out of date ----------------------------------------------------------------------------
def test_out_of_date_export_holds_exactly_untranslated_and_out_of_date_units(home):
    complete = StandardPageFactory(parent=home, name="Complete")
    missing = StandardPageFactory(parent=home, name="Missing", missing=("es",))
    changed = StandardPageFactory(parent=home, name="Changed")
    changed.teaser_en = "A new English teaser"
    changed.save_revision()
    partial = StandardPageFactory(parent=home, name="Partial", intro_es="")
    region = RegionFactory(key="africa", name_es="")
    RegionFactory(key="asia")  # complete

    po = polib.pofile(files.export(files.OUT_OF_DATE, "es"))

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
    assert teaser.comment.startswith(files.OUT_OF_DATE_NOTE)
    assert "fuzzy" not in teaser.flags
    # In French only the changed teaser is pending (the emptied fields were Spanish ones).
    assert {entry.msgctxt for entry in polib.pofile(files.export(files.OUT_OF_DATE, "fr"))} == {
        f"standard_pages.standardpage:{changed.pk}:teaser"
    }


def test_importing_the_out_of_date_file_clears_the_marks(home, superuser):
    changed = StandardPageFactory(parent=home, name="Changed")
    changed.teaser_en = "A new English teaser"
    changed.save_revision()
    region = RegionFactory(key="africa", name_es="")
    assert LanguageStatus.objects.get(item__page=changed, language="es").status == Status.OUTDATED
    filled = fill_po(files.export(files.OUT_OF_DATE, "es"), "es")

    report = files.import_file(filled, "es", superuser)

    assert {(result.kind, result.type_name) for result in report.objects} == {("page", "page"), ("snippet", "region")}
    assert LanguageStatus.objects.get(item__page=changed, language="es").status == Status.COMPLETE
    region.refresh_from_db()
    assert region.name_es == "es: Region africa en"  # saved directly: snippets have no revisions
    item = TranslatedObject.objects.get(object_id=region.pk, kind=TranslatedObject.Kind.SNIPPET)
    assert item.languages.get(language="es").status == Status.COMPLETE
    assert len(polib.pofile(files.export(files.OUT_OF_DATE, "es"))) == 0


# -- Refusals: nothing written --------------------------------------------------------------
def refuse(content, language, user, *pages, name="", expect=""):
    before = snapshot(*pages)
    with pytest.raises(files.TranslationFileError) as raised:
        files.import_file(content, language, user, name=name)
    assert snapshot(*pages) == before
    assert any(expect in error for error in raised.value.errors), raised.value.errors
    return raised.value.errors


def valid_and(vendors, extra, language="es"):
    """A filled export of `vendors` plus one more PO entry."""
    po = polib.pofile(fill_po(files.export(files.PAGE, language, page=vendors), language).decode())
    if extra is not None:
        po.append(extra)
    return str(po).encode()


def test_malformed_po_is_refused(vendors, superuser):
    content = valid_and(vendors, None) + b'\nmsgid "a"\nmsgstr "b"\nthis is not PO syntax\n'
    refuse(content, "es", superuser, vendors, name="es.po", expect="not a valid PO file")
    refuse(b"\xff\xfe binary", "es", superuser, vendors, name="es.po", expect="not UTF-8")
    # A translation whose closing quote was lost (polib alone would import the damaged text).
    good = valid_and(vendors, None).decode()
    unclosed = re.sub(r'(msgstr "[^"\n]+)"\n', r"\1\n", good, count=1).encode()
    assert unclosed != good.encode()
    refuse(unclosed, "es", superuser, vendors, name="es.po", expect="not a valid PO file: line")


def test_malformed_and_foreign_xliff_are_refused(vendors, superuser):
    good = fill_xliff(files.export(files.PAGE, "es", page=vendors, file_format=files.XLIFF), "es")
    refuse(good[:-40], "es", superuser, vendors, name="es.xlf", expect="not well-formed XML")
    other_namespace = good.replace(files.XLIFF_NS.encode(), b"urn:oasis:names:tc:xliff:document:1.2")
    refuse(other_namespace, "es", superuser, vendors, name="es.xlf", expect="not an XLIFF 2.0 file")
    doctype = good.replace(b"<xliff", b'<!DOCTYPE xliff [<!ENTITY e "x">]>\n<xliff', 1)
    refuse(doctype, "es", superuser, vendors, name="es.xlf", expect="DOCTYPE")


def test_file_for_another_language_is_refused(vendors, superuser):
    refuse(valid_and(vendors, None, "fr"), "es", superuser, vendors, expect="for language “fr”, not “es”")
    xliff = fill_xliff(files.export(files.PAGE, "pt", page=vendors, file_format=files.XLIFF), "pt")
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
    filled = fill_po(files.export(files.PAGE, "es", page=vendors), "es")
    draft = latest(vendors)
    draft.teaser_en = "The teaser, rewritten"
    draft.save_revision()
    errors = refuse(filled, "es", superuser, vendors, expect="changed since the export")
    assert len(errors) == 1 and f"standardpage:{vendors.pk}:teaser" in errors[0]


def test_disallowed_rich_text_markup_is_refused(vendors, superuser):
    po = polib.pofile(fill_po(files.export(files.PAGE, "es", page=vendors), "es").decode())
    po.find(
        f"standard_pages.standardpage:{vendors.pk}:body.p1", by="msgctxt"
    ).msgstr = '<p>Hola<script>alert(1)</script><a href="javascript:alert(1)">x</a></p>'
    refuse(str(po).encode(), "es", superuser, vendors, expect="<script>")


def test_users_without_permission_are_refused(vendors, django_user_model):
    filled = fill_po(files.export(files.PAGE, "es", page=vendors), "es")
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


def test_translator_with_language_and_page_rights_imports(vendors, django_user_model):
    translator = django_user_model.objects.create_user("ana", password="password")
    translator.user_permissions.add(Permission.objects.get(codename="translate_es"))
    group = Group.objects.create(name="Page editors")
    GroupPagePermission.objects.create(group=group, page=Page.get_first_root_node(), permission_type="change")
    translator.groups.add(group)
    translator = django_user_model.objects.get(pk=translator.pk)
    filled = fill_po(files.export(files.PAGE, "es", page=vendors), "es")
    report = files.import_file(filled, "es", translator)
    assert report.objects[0].revision.user == translator
    assert not StandardPage.objects.get(pk=vendors.pk).title_es  # still a draft


def test_fuzzy_and_empty_entries_are_skipped(vendors, superuser):
    po = polib.pofile(fill_po(files.export(files.PAGE, "es", page=vendors), "es", only=":title").decode())
    po.find(f"standard_pages.standardpage:{vendors.pk}:title", by="msgctxt").flags.append("fuzzy")
    report = files.import_file(str(po).encode(), "es", superuser)
    assert report.objects == [] and report.fuzzy == [f"standard_pages.standardpage:{vendors.pk}:title"]
    assert report.untranslated == 14


# -- Commands -------------------------------------------------------------------------------
def test_export_command_writes_a_file_and_reports_progress(home, tmp_path):
    for number in range(205):
        RegionFactory(key=f"r{number}", name_pt="")
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "pt.po"
    call_command("export_translations", "--language", "pt", "--out-of-date", "-o", str(target), stdout=out, stderr=err)
    po = polib.pofile(str(target))
    assert len(po) == 205 and po.metadata["Language"] == "pt"
    assert "100 objects" in err.getvalue() and "200 objects" in err.getvalue()
    assert "205 entries" in out.getvalue()


def test_export_command_prints_xliff_to_stdout(vendors):
    out = io.StringIO()
    call_command("export_translations", "--language", "fr", "--page", str(vendors.pk), "--format", "xliff", stdout=out)
    root = etree.fromstring(out.getvalue().encode())
    assert root.get("trgLang") == "fr"
    assert len(root.findall(".//x:unit", NS)) == 15


def test_export_command_refuses_bad_arguments(vendors):
    with pytest.raises(CommandError):
        call_command("export_translations", "--language", "de", "--out-of-date")
    with pytest.raises(CommandError, match="No page"):
        call_command("export_translations", "--language", "es", "--section", "999999")


def test_import_command_dry_run_then_import(vendors, superuser, tmp_path):
    source = tmp_path / "es.po"
    source.write_bytes(fill_po(files.export(files.PAGE, "es", page=vendors), "es", only=":teaser"))
    revisions = vendors.revisions.count()
    out = io.StringIO()
    call_command("import_translations", str(source), "--language", "es", "--user", "lead", "--dry-run", stdout=out)
    assert "Teaser: '' → 'es: Teaser of Vendors in English'" in out.getvalue()
    assert "dry run" in out.getvalue().lower()
    assert vendors.revisions.count() == revisions

    out = io.StringIO()
    call_command("import_translations", str(source), "--language", "es", "--user", "lead", stdout=out)
    assert "1 change" in out.getvalue() and "new draft revision" in out.getvalue()
    assert vendors.revisions.count() == revisions + 1
    assert latest(vendors).teaser_es == "es: Teaser of Vendors in English"


def test_import_command_reports_errors(vendors, superuser, tmp_path):
    source = tmp_path / "es.po"
    source.write_bytes(fill_po(files.export(files.PAGE, "es", page=vendors), "es"))
    revisions = vendors.revisions.count()
    with pytest.raises(CommandError, match="for language “es”, not “fr”"):
        call_command("import_translations", str(source), "--language", "fr", "--user", "lead")
    with pytest.raises(CommandError, match="No user"):
        call_command("import_translations", str(source), "--language", "es", "--user", "ghost")
    assert vendors.revisions.count() == revisions


def test_image_texts_are_saved_directly(photo, superuser):
    po = polib.pofile(files.export(files.OUT_OF_DATE, "es"))
    keys = {entry.msgctxt for entry in po}
    assert keys == {f"core.siteimage:{photo.pk}:description", f"core.siteimage:{photo.pk}:caption"}
    for entry in po:
        entry.msgstr = f"es: {entry.msgid}"
    report = files.import_file(str(po).encode(), "es", superuser, name="images.po")
    assert [result.kind for result in report.objects] == ["image"]
    photo.refresh_from_db()
    assert (photo.description_es, photo.caption_es) == ("es: Vendors at a market", "es: Market")
    assert photo.file.name  # the image itself is untouched
    assert len(polib.pofile(files.export(files.OUT_OF_DATE, "es"))) == 0


def test_a_file_name_is_not_opened_as_a_po_file(home, superuser, tmp_path):
    elsewhere = tmp_path / "server.po"
    elsewhere.write_text('msgid ""\nmsgstr ""\n"Language: es\\n"\n')
    refuse(str(elsewhere).encode(), "es", superuser, name="upload.po", expect="not a valid PO file")


def test_site_settings_footer_round_trip(home, superuser):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text_en = "Women in informal employment"
    settings.save()
    po = polib.pofile(files.export(files.OUT_OF_DATE, "pt"))
    [entry] = [entry for entry in po if entry.msgctxt.startswith("core.sitesettings:")]
    assert entry.msgctxt == f"core.sitesettings:{settings.pk}:footer_text"
    assert "/admin/settings/" in entry.comment
    entry.msgstr = "Mulheres no emprego informal"
    files.import_file(str(po).encode(), "pt", superuser)
    assert SiteSettings.objects.get(pk=settings.pk).footer_text_pt == "Mulheres no emprego informal"
