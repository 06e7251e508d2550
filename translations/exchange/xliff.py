"""XLIFF 2.0 translation files: one `<file>` per object, one `<unit>` per entry (its id is the
key) with `<source>` and `<target>`; notes carry the translator's comments, `state` whether the
translation is done.

Reading never resolves entities, loads a DTD or touches the network, and refuses a DOCTYPE.
"""

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

import languages

from .entries import (
    EXPORTED_AT_HEADER,
    OUT_OF_DATE_NOTE,
    SCOPE_HEADER,
    Entry,
    FileEntry,
    TranslationFileError,
    check_language,
)
from .keys import object_part

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"


def _x(tag):
    return f"{{{XLIFF_NS}}}{tag}"


def write(entries: Iterable[Entry], language: str, description: str = "") -> str:
    """The text of an XLIFF 2.0 file holding `entries` for `language`."""
    root = etree.Element(
        _x("xliff"), nsmap={None: XLIFF_NS}, version="2.0", srcLang=languages.SOURCE_LANGUAGE, trgLang=language
    )
    files = {}
    for entry in entries:
        object_key = object_part(entry.key)
        if object_key not in files:
            files[object_key] = etree.SubElement(root, _x("file"), id=object_key)
        unit = etree.SubElement(files[object_key], _x("unit"), id=entry.key)
        notes = etree.SubElement(unit, _x("notes"))
        for line in entry.comment.splitlines():
            category = "status" if line == OUT_OF_DATE_NOTE else "description"
            etree.SubElement(notes, _x("note"), category=category).text = line
        translated = bool(entry.target.strip())
        state = "translated" if translated and not entry.out_of_date else "initial"
        segment = etree.SubElement(unit, _x("segment"), state=state)
        etree.SubElement(segment, _x("source")).text = entry.source
        if translated:
            etree.SubElement(segment, _x("target")).text = entry.target
    comment = etree.Comment(
        f" WIEGO site content. {SCOPE_HEADER}: {description}. "
        f"{EXPORTED_AT_HEADER}: {timezone.now().isoformat(timespec='seconds')} "
    )
    root.insert(0, comment)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def _segment_text(unit, tag):
    parts = []
    for child in unit:
        if child.tag in (_x("segment"), _x("ignorable")):
            element = child.find(_x(tag))
            if element is not None:
                parts.append("".join(element.itertext()))
    return "".join(parts)


def read(content: bytes, language: str) -> list[FileEntry]:
    """The entries of an XLIFF 2.0 file for `language`; raises TranslationFileError."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(content, parser=parser)  # entities off, no network, no DTD
    except etree.XMLSyntaxError as error:
        raise TranslationFileError([_("This is not well-formed XML: %(error)s") % {"error": error}]) from None
    if root.getroottree().docinfo.doctype:
        raise TranslationFileError([_("XLIFF files with a DOCTYPE are not accepted.")])
    if root.tag != _x("xliff") or root.get("version") != "2.0":
        raise TranslationFileError(
            [
                _('This is not an XLIFF 2.0 file (expected <xliff version="2.0"> in namespace %(ns)s).')
                % {"ns": XLIFF_NS}
            ]
        )
    if root.get("srcLang") != languages.SOURCE_LANGUAGE:
        raise TranslationFileError(
            [_("The source language of the file is “%(found)s”, not English.") % {"found": root.get("srcLang") or ""}]
        )
    check_language((root.get("trgLang") or "").strip(), language)
    found = []
    for unit in root.iter(_x("unit")):
        key = unit.get("id") or ""
        where = _("unit %(id)s") % {"id": key}
        found.append(FileEntry(key, _segment_text(unit, "source"), _segment_text(unit, "target"), where))
    return found
