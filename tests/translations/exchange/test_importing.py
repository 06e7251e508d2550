"""Importing translation files: drafts in the English structure (pages, regions, series), direct
saves of images and site settings, what is skipped."""

import re

import polib
import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page, Site

from core.models import SiteSettings
from standard_pages.models import StandardPage
from tests.factories import RegionFactory, StandardPageFactory
from tests.helpers import fill_po, fill_xliff, latest, refuse, snapshot
from translations.exchange import export, formats, importing, keys
from translations.models import LanguageStatus, Status, TranslatedObject

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("file_format", [formats.PO, formats.XLIFF])
@pytest.mark.parametrize("language", ["es", "fr", "pt"])
def test_round_trip_writes_a_draft_in_the_english_structure(vendors, photo, superuser, language, file_format):
    live_before = snapshot(vendors)
    revisions_before = vendors.revisions.count()
    exported = export.export_file(export.PAGE, language, page=vendors, file_format=file_format)
    keys = set(re.findall(r"standardpage:\d+:[\w.%-]+", exported))
    assert f"standard_pages.standardpage:{vendors.pk}:body.kf.k1.label" in exported
    assert f"standard_pages.standardpage:{vendors.pk}:body.c1.link_text" in exported
    filled = fill_po(exported, language) if file_format == formats.PO else fill_xliff(exported, language)

    report = importing.import_file(filled, language, superuser, name=f"x.{formats.EXTENSIONS[file_format]}")

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
    again = importing.import_file(filled, language, superuser, name=f"x.{formats.EXTENSIONS[file_format]}")
    assert again.objects == [] and again.unchanged == 15
    assert vendors.revisions.count() == revisions_before + 1


def test_partial_file_keeps_other_translated_leaves(vendors, superuser):
    first = fill_po(export.export_file(export.PAGE, "es", page=vendors), "es")
    importing.import_file(first, "es", superuser)
    exported = export.export_file(export.PAGE, "es", page=vendors)
    po = polib.pofile(exported)
    kept = [entry for entry in po if entry.msgctxt.endswith(":body.q1.text")]
    kept[0].msgstr = "Somos trabajadoras"
    only_quote = polib.POFile(wrapwidth=0)
    only_quote.metadata = po.metadata
    only_quote.append(kept[0])

    report = importing.import_file(str(only_quote).encode(), "es", superuser)

    [change] = report.objects[0].changes
    assert (change.old, change.new) == ("es: We are workers", "Somos trabajadoras")
    body = {block["id"]: block["value"] for block in latest(vendors).body_es.raw_data}
    assert body["q1"] == {"text": "Somos trabajadoras", "attribution": "es: A vendor"}
    assert body["h1"]["text"] == "es: Who we are"


def test_importing_the_out_of_date_file_clears_the_marks(home, superuser):
    changed = StandardPageFactory(parent=home, name="Changed")
    changed.teaser_en = "A new English teaser"
    changed.save_revision()
    region = RegionFactory(key="africa", name_es="")
    assert LanguageStatus.objects.get(item__page=changed, language="es").status == Status.OUTDATED
    filled = fill_po(export.export_file(export.OUT_OF_DATE, "es"), "es")

    report = importing.import_file(filled, "es", superuser)

    assert {(result.object_type, result.type_name) for result in report.objects} == {
        ("page", "page"),
        ("snippet", "region"),
    }
    assert LanguageStatus.objects.get(item__page=changed, language="es").status == Status.COMPLETE
    region.refresh_from_db()
    assert region.name_es == ""  # regions have drafts: a new revision, never published
    assert region.get_latest_revision_as_object().name_es == "es: Region africa en"
    item = TranslatedObject.objects.get(object_id=region.pk, object_type=TranslatedObject.ObjectType.SNIPPET)
    assert item.languages.get(language="es").status == Status.COMPLETE
    assert len(polib.pofile(export.export_file(export.OUT_OF_DATE, "es"))) == 0


def test_image_texts_are_saved_directly(photo, superuser):
    po = polib.pofile(export.export_file(export.OUT_OF_DATE, "es"))
    keys = {entry.msgctxt for entry in po}
    assert keys == {f"core.siteimage:{photo.pk}:description", f"core.siteimage:{photo.pk}:caption"}
    for entry in po:
        entry.msgstr = f"es: {entry.msgid}"
    report = importing.import_file(str(po).encode(), "es", superuser, name="images.po")
    assert [result.object_type for result in report.objects] == ["image"]
    photo.refresh_from_db()
    assert (photo.description_es, photo.caption_es) == ("es: Vendors at a market", "es: Market")
    assert photo.file.name  # the image itself is untouched
    assert len(polib.pofile(export.export_file(export.OUT_OF_DATE, "es"))) == 0


def test_site_settings_footer_round_trip(home, superuser):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text_en = "Women in informal employment"
    settings.save()
    po = polib.pofile(export.export_file(export.OUT_OF_DATE, "pt"))
    [entry] = [entry for entry in po if entry.msgctxt.startswith("core.sitesettings:")]
    assert entry.msgctxt == f"core.sitesettings:{settings.pk}:footer_text"
    assert "/admin/settings/" in entry.comment
    entry.msgstr = "Mulheres no emprego informal"
    importing.import_file(str(po).encode(), "pt", superuser)
    assert SiteSettings.objects.get(pk=settings.pk).footer_text_pt == "Mulheres no emprego informal"


def test_translator_with_language_and_page_rights_imports(vendors, django_user_model):
    translator = django_user_model.objects.create_user("ana", password="password")
    translator.user_permissions.add(Permission.objects.get(codename="translate_es"))
    group = Group.objects.create(name="Page editors")
    GroupPagePermission.objects.create(group=group, page=Page.get_first_root_node(), permission_type="change")
    translator.groups.add(group)
    translator = django_user_model.objects.get(pk=translator.pk)
    filled = fill_po(export.export_file(export.PAGE, "es", page=vendors), "es")
    report = importing.import_file(filled, "es", translator)
    assert report.objects[0].revision.user == translator
    assert not StandardPage.objects.get(pk=vendors.pk).title_es  # still a draft


def test_fuzzy_and_empty_entries_are_skipped(vendors, superuser):
    po = polib.pofile(fill_po(export.export_file(export.PAGE, "es", page=vendors), "es", only=":title").decode())
    po.find(f"standard_pages.standardpage:{vendors.pk}:title", by="msgctxt").flags.append("fuzzy")
    report = importing.import_file(str(po).encode(), "es", superuser)
    assert report.objects == [] and report.fuzzy == [f"standard_pages.standardpage:{vendors.pk}:title"]
    assert report.untranslated == 14


def test_a_file_with_an_old_model_label_imports(vendors, superuser, monkeypatch):
    """A file exported before the page's model moved app: its keys carry the old label."""
    monkeypatch.setitem(keys.MODEL_ALIASES, "retired.vendorpage", keys.model_label(vendors))
    filled = fill_po(export.export_file(export.PAGE, "es", page=vendors), "es", only=":teaser").decode()
    old_style = filled.replace(f'msgctxt "{keys.model_label(vendors)}:', 'msgctxt "retired.vendorpage:')
    assert old_style.count("retired.vendorpage:") == 15
    report = importing.import_file(old_style.encode(), "es", superuser)
    [result] = report.objects
    assert result.obj.pk == vendors.pk
    assert [(change.key, change.new) for change in result.changes] == [("teaser", "es: Teaser of Vendors in English")]
    assert latest(vendors).teaser_es == "es: Teaser of Vendors in English"


def test_the_same_text_under_its_old_and_new_label_is_refused(vendors, superuser, monkeypatch):
    monkeypatch.setitem(keys.MODEL_ALIASES, "retired.vendorpage", keys.model_label(vendors))
    po = polib.pofile(fill_po(export.export_file(export.PAGE, "es", page=vendors), "es", only=":teaser").decode())
    teaser = po.find(f"{keys.object_prefix(vendors)}:teaser", by="msgctxt")
    po.append(polib.POEntry(msgctxt=f"retired.vendorpage:{vendors.pk}:teaser", msgid=teaser.msgid, msgstr="Otro"))
    refuse(str(po).encode(), "es", superuser, vendors, expect="appears twice")
