"""XLIFF 2.0 files: what an export writes, and the malformed or foreign files an import refuses."""

import pytest
from lxml import etree

from tests.helpers import NS, fill_xliff, refuse
from translations.exchange import export, formats, xliff

pytestmark = pytest.mark.django_db


def test_xliff_file_format(vendors):
    root = etree.fromstring(export.export_file(export.PAGE, "pt", page=vendors, file_format=formats.XLIFF).encode())
    assert root.tag == f"{{{xliff.XLIFF_NS}}}xliff"
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "en", "pt")
    unit = root.find(f".//x:unit[@id='standard_pages.standardpage:{vendors.pk}:body.q1.attribution']", NS)
    assert unit.find("x:segment/x:source", NS).text == "A vendor"
    assert unit.find("x:segment/x:target", NS) is None
    assert unit.find("x:segment", NS).get("state") == "initial"


def test_malformed_and_foreign_xliff_are_refused(vendors, superuser):
    good = fill_xliff(export.export_file(export.PAGE, "es", page=vendors, file_format=formats.XLIFF), "es")
    refuse(good[:-40], "es", superuser, vendors, name="es.xlf", expect="not well-formed XML")
    other_namespace = good.replace(xliff.XLIFF_NS.encode(), b"urn:oasis:names:tc:xliff:document:1.2")
    refuse(other_namespace, "es", superuser, vendors, name="es.xlf", expect="not an XLIFF 2.0 file")
    doctype = good.replace(b"<xliff", b'<!DOCTYPE xliff [<!ENTITY e "x">]>\n<xliff', 1)
    refuse(doctype, "es", superuser, vendors, name="es.xlf", expect="DOCTYPE")
