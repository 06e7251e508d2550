"""Uploading documents in the admin, single and multiple: the content must match the extension,
text formats must be text without web page markup, and the size is limited; each refusal is a
form error in the editor's language, and nothing is stored."""

import html
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from tests.helpers import logged_in, make_user

pytestmark = pytest.mark.django_db

ADD, ADD_MULTIPLE = "/admin/documents/add/", "/admin/documents/multiple/add/"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
WEB_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def zipped(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


def office(folder, main):
    return zipped([("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Rels/>"), (f"{folder}{main}", "<x/>")])


def open_document(kind):
    return zipped([("mimetype", f"application/vnd.oasis.opendocument.{kind}"), ("content.xml", "<office/>")])


GOOD = {
    "report.pdf": PDF,
    "paper.docx": office("word/", "document.xml"),
    "figures.xlsx": office("xl/", "workbook.xml"),
    "slides.pptx": office("ppt/", "presentation.xml"),
    "paper.odt": open_document("text"),
    "figures.ods": open_document("spreadsheet"),
    "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000,
    "data.csv": "year,country,workers\n2020,Perú,1200\n".encode(),
    "excel.csv": "Año;Región\n2020;Perú\n".encode("cp1252"),  # how spreadsheets often save CSV
    "notes.txt": b"Street vendors, <b>bold</b> claims & 5 < 6\n",
}
NOT_WHAT_IT_SAYS = "is not a real .{ext} file: its content does not match its name"
BAD = {
    "report.pdf": (WEB_PAGE, NOT_WHAT_IT_SAYS.format(ext="pdf")),
    "paper.docx": (WEB_PAGE + office("word/", "document.xml"), NOT_WHAT_IT_SAYS.format(ext="docx")),
    "paper.odt": (office("word/", "document.xml"), NOT_WHAT_IT_SAYS.format(ext="odt")),
    "figures.xlsx": (open_document("spreadsheet"), NOT_WHAT_IT_SAYS.format(ext="xlsx")),
    "slides.pptx": (office("word/", "document.xml"), NOT_WHAT_IT_SAYS.format(ext="pptx")),
    "broken.docx": (b"PK\x03\x04" + b"\x00" * 200, NOT_WHAT_IT_SAYS.format(ext="docx")),
    "old.xls": (PDF, NOT_WHAT_IT_SAYS.format(ext="xls")),
    "notes.txt": (WEB_PAGE, "holds web page markup (<!DOCTYPE), which a .txt file may not"),
    "data.csv": (b"name,link\nx,<svg onload=alert(1)>\n", "holds web page markup (<svg), which a .csv file may not"),
    "late.txt": (b"x" * (1 << 20) + b"<scr" + b"ipt>", "holds web page markup (<script)"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "is not plain text: a .txt file must be text in UTF-8"),
    "latin.txt": ("Año".encode("cp1252"), "is not plain text: a .txt file must be text in UTF-8"),
}


def upload(name, content):
    return SimpleUploadedFile(name, content, "application/octet-stream")


def add(client, name, content):
    """The single upload view; returns (status, page text)."""
    response = client.post(ADD, {"title": name, "file": upload(name, content)})
    return response.status_code, html.unescape(response.content.decode())


def add_multiple(client, name, content):
    response = client.post(ADD_MULTIPLE, {"files[]": upload(name, content)}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    return response.json()


def test_documents_whose_content_matches_their_name_are_accepted(admin_client):
    for name, content in GOOD.items():
        status, text = add(admin_client, name, content)
        assert status == 302, (name, text[-3000:])
        assert add_multiple(admin_client, name, content)["success"] is True, name
    assert Document.objects.count() == 2 * len(GOOD)
    pdf = Document.objects.filter(title="report.pdf").first()
    assert admin_client.get(pdf.url)["Content-Type"] == "application/pdf"


def test_documents_whose_content_does_not_match_are_refused(admin_client):
    for name, (content, message) in BAD.items():
        status, text = add(admin_client, name, content)
        assert status == 200 and message in text, (name, text[-3000:])
        result = add_multiple(admin_client, name, content)
        assert result["success"] is False and message in result["error_message"], (name, result)
    assert not Document.objects.exists()


def test_size_limit(admin_client, settings):
    # 50 MB unless MAX_DOCUMENT_UPLOAD_MB says otherwise, and the form says so.
    assert "Maximum filesize: 50.0\xa0MB." in html.unescape(admin_client.get(ADD).content.decode())
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2000  # a small limit: no need to send 50 MB
    big = PDF + b"%" * (2001 - len(PDF))
    status, text = add(admin_client, "big.pdf", big)
    assert status == 200 and "This file is too big (2.0\xa0KB). Maximum filesize 2.0\xa0KB." in text
    assert add_multiple(admin_client, "big.pdf", big)["success"] is False
    assert not Document.objects.exists()
    status, _text = add(admin_client, "small.pdf", big[:2000])
    assert status == 302


# The editor's language: the admin language codes (Portuguese uses Wagtail's pt-br catalogue).
REFUSALS = {
    "es": ("No es un verdadero archivo .pdf", "Este archivo es demasiado grande"),
    "fr": ("Ce fichier n’est pas un vrai fichier .pdf", "Ce fichier est trop gros"),
    "pt-br": ("Este arquivo não é um verdadeiro arquivo .pdf", "Esse arquivo é muito grande"),
}


def test_refusals_are_in_the_editors_language(django_user_model, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2000
    for language, (not_real, too_big) in REFUSALS.items():
        client = logged_in(make_user(django_user_model, f"editor-{language}", superuser=True, admin_language=language))
        assert not_real in add(client, "report.pdf", WEB_PAGE)[1], language
        assert too_big in add(client, "big.pdf", PDF + b"%" * 3000)[1], language
