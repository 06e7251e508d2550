"""What an uploaded document must hold for its extension.

Wagtail checks a document's extension (WAGTAILDOCS_EXTENSIONS) but not its content, and serves it
with the type its extension names: an HTML page renamed `report.pdf` was accepted and served as
`application/pdf`. Here a format with a signature must carry it (PDF, the Office and OpenDocument
formats, images: `filetype` reads the magic bytes; Office and OpenDocument files are ZIP archives
whose inner parts name their kind), and a text format (CSV, TXT, VTT) must decode as text and hold
no web page markup, which a browser could be tricked into running.
"""

import codecs
import re
import zipfile

import filetype
from django.utils.translation import gettext as _

# By extension: the MIME type filetype must recognise from the first bytes.
MAGIC = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
}
# Office 97-2003 files are OLE2 compound files; which program made one is deep inside it.
OLE2 = {"doc", "xls", "ppt"}
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Office Open XML: a ZIP with [Content_Types].xml and its main part in this folder.
OFFICE_OPEN_XML = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
# OpenDocument: a ZIP whose "mimetype" entry names the kind.
OPEN_DOCUMENT = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
ZIP_SIGNATURE = b"PK\x03\x04"
# Text formats and the encodings they may be in (spreadsheets often save CSV as Windows-1252).
TEXT = {"csv": ("utf-8-sig", "cp1252"), "txt": ("utf-8-sig",), "vtt": ("utf-8-sig",)}
# What a browser would read as a web page or active content.
MARKUP = re.compile(
    r"<\s*(!doctype|html|head|body|script|iframe|frame|frameset|object|embed|svg|meta|base|style)\b", re.IGNORECASE
)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # tab, newlines and form feed are text
HEAD_BYTES = 8192
CHUNK_BYTES = 1 << 20


def content_problem(upload, extension: str) -> str | None:
    """Why the uploaded file cannot be a `.extension` document (a translated sentence), or None.
    Leaves the file at its start."""
    extension = extension.lower().lstrip(".")
    try:
        upload.seek(0)
        if extension in TEXT:
            return _text_problem(upload, extension)
        head = upload.read(HEAD_BYTES)
        if _has_signature(upload, head, extension):
            return None
        return _("This file is not a real .%(extension)s file: its content does not match its name.") % {
            "extension": extension
        }
    finally:
        upload.seek(0)


def _has_signature(upload, head, extension):
    if extension in MAGIC:
        kind = filetype.guess(head)
        return kind is not None and kind.mime == MAGIC[extension]
    if extension in OLE2:
        return head.startswith(OLE2_SIGNATURE)
    if extension in OFFICE_OPEN_XML or extension in OPEN_DOCUMENT:
        # A ZIP must start as one: zipfile alone would accept a web page with a ZIP appended.
        if not head.startswith(ZIP_SIGNATURE):
            return False
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                if extension in OFFICE_OPEN_XML:
                    folder = OFFICE_OPEN_XML[extension]
                    return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)
                if "mimetype" not in names:
                    return False
                with archive.open("mimetype") as entry:
                    return entry.read(100).strip() == OPEN_DOCUMENT[extension].encode()
        except (zipfile.BadZipFile, OSError, EOFError):
            return False
    return True  # no signature to check for this extension (the allow-list decides)


def _text_problem(upload, extension):
    for encoding in TEXT[extension]:
        upload.seek(0)
        try:
            problem = _text_content_problem(upload, encoding, extension)
        except UnicodeDecodeError:
            continue
        return problem
    return _("This file is not plain text: a .%(extension)s file must be text in UTF-8.") % {"extension": extension}


def _text_content_problem(upload, encoding, extension):
    """Reads the file in chunks (it may be large), keeping the end of each chunk so that markup
    cut in two is still found."""
    decoder = codecs.getincrementaldecoder(encoding)()
    carried = ""
    while True:
        chunk = upload.read(CHUNK_BYTES)
        text = carried + decoder.decode(chunk, final=not chunk)
        if CONTROL.search(text):
            return _("This file is not plain text: a .%(extension)s file must be text in UTF-8.") % {
                "extension": extension
            }
        markup = MARKUP.search(text)
        if markup:
            return _("This file holds web page markup (%(markup)s), which a .%(extension)s file may not.") % {
                "markup": markup.group(0),
                "extension": extension,
            }
        if not chunk:
            return None
        carried = text[-32:]
