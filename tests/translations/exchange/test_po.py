"""PO files: what an export writes, and the malformed files an import refuses."""

import os
import re
import shutil
import subprocess

import polib
import pytest

from tests.factories import StandardPageFactory
from tests.helpers import refuse, valid_and
from translations.exchange import export
from translations.exchange.entries import EXPORTED_AT_HEADER, SCOPE_HEADER

pytestmark = pytest.mark.django_db


def test_po_file_format(vendors):
    text = export.export_file(export.PAGE, "fr", page=vendors)
    po = polib.pofile(text)
    assert po.metadata["Language"] == "fr"
    assert po.metadata[EXPORTED_AT_HEADER]
    assert po.metadata[SCOPE_HEADER] == f"page {vendors.pk}"
    entry = po.find(f"standard_pages.standardpage:{vendors.pk}:body.h1.text", by="msgctxt")
    assert entry.msgid == "Who we are" and entry.msgstr == ""
    assert "Vendors English — Body / Heading / Heading" in entry.comment
    assert f"/admin/pages/{vendors.pk}/edit/" in entry.comment
    assert "fuzzy" not in entry.flags


def test_malformed_po_is_refused(vendors, superuser):
    content = valid_and(vendors, None) + b'\nmsgid "a"\nmsgstr "b"\nthis is not PO syntax\n'
    refuse(content, "es", superuser, vendors, name="es.po", expect="not a valid PO file")
    refuse(b"\xff\xfe binary", "es", superuser, vendors, name="es.po", expect="not UTF-8")
    # A translation whose closing quote was lost (polib alone would import the damaged text).
    good = valid_and(vendors, None).decode()
    unclosed = re.sub(r'(msgstr "[^"\n]+)"\n', r"\1\n", good, count=1).encode()
    assert unclosed != good.encode()
    refuse(unclosed, "es", superuser, vendors, name="es.po", expect="not a valid PO file: line")


def test_a_file_name_is_not_opened_as_a_po_file(home, superuser, tmp_path):
    elsewhere = tmp_path / "server.po"
    elsewhere.write_text('msgid ""\nmsgstr ""\n"Language: es\\n"\n')
    refuse(str(elsewhere).encode(), "es", superuser, name="upload.po", expect="not a valid PO file")


def test_po_export_passes_msgfmt_check_and_gives_the_public_address_in_its_language(home, tmp_path):
    markets = StandardPageFactory(parent=home, name="Markets")
    text = export.export_file(export.SECTION, "es", page=markets, translator="Ana Pérez <ana@example.org>")
    path = tmp_path / "es.po"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [shutil.which("msgfmt"), "--check", "-o", os.devnull, str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    po = polib.pofile(text)
    assert po.metadata["Last-Translator"] == "Ana Pérez <ana@example.org>"
    assert po.metadata["Language-Team"].startswith("Español")
    assert po.metadata["PO-Revision-Date"]
    entry = po.find(f"standard_pages.standardpage:{markets.pk}:title", by="msgctxt")
    assert "Page: http://testserver/es/markets-es/" in entry.comment.splitlines()
    assert "/home/" not in entry.comment  # not the internal tree path
    french = polib.pofile(export.export_file(export.PAGE, "fr", page=markets))
    assert "Page: http://testserver/fr/markets-fr/" in french[0].comment.splitlines()
    assert french.metadata["Last-Translator"] == "WIEGO translators"
