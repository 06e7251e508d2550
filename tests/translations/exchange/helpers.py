"""Helpers shared by the translation file tests: filling an exported file as a translator's tool
would, and what an import could have changed."""

import re

import polib
import pytest
from lxml import etree

from places.models import Region
from standard_pages.models import StandardPage
from translations.exchange import export, importing, xliff
from translations.exchange.entries import TranslationFileError

NS = {"x": xliff.XLIFF_NS}


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
            target = etree.SubElement(segment, f"{{{xliff.XLIFF_NS}}}target")
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


def refuse(content, language, user, *pages, name="", expect=""):
    before = snapshot(*pages)
    with pytest.raises(TranslationFileError) as raised:
        importing.import_file(content, language, user, name=name)
    assert snapshot(*pages) == before
    assert any(expect in error for error in raised.value.errors), raised.value.errors
    return raised.value.errors


def valid_and(vendors, extra, language="es"):
    """A filled export of `vendors` plus one more PO entry."""
    po = polib.pofile(fill_po(export.export_file(export.PAGE, language, page=vendors), language).decode())
    if extra is not None:
        po.append(extra)
    return str(po).encode()
