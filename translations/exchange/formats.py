"""The two file formats, PO (gettext) and XLIFF 2.0, and the choice between them."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from . import po, xliff
from .entries import Entry, FileEntry, TranslationFileError

PO, XLIFF = "po", "xliff"
FORMATS = (PO, XLIFF)
EXTENSIONS = {PO: "po", XLIFF: "xlf"}
CONTENT_TYPES = {PO: "text/x-gettext-translation; charset=utf-8", XLIFF: "application/xliff+xml; charset=utf-8"}
MAX_FILE_SIZE = 10 * 1024 * 1024
_MODULES = {PO: po, XLIFF: xliff}


def detect_format(content: bytes, name: str = "") -> str:
    """PO or XLIFF, from the file name, else from the first character of the content."""
    name = (name or "").lower()
    if name.endswith((".po", ".pot")):
        return PO
    if name.endswith((".xlf", ".xliff", ".xml")):
        return XLIFF
    return XLIFF if content.lstrip()[:1] == b"<" else PO


def write(
    entries: Iterable[Entry], language: str, description: str = "", file_format: str = PO, translator: str = ""
) -> str:
    """The text of a file of `file_format` holding `entries` for `language` (`translator`, "Name
    <email>", goes in a PO file's Last-Translator header)."""
    if file_format not in _MODULES:
        raise ValueError(f"Unknown format: {file_format}")
    if file_format == PO:
        return po.write(entries, language, description, translator)
    return _MODULES[file_format].write(entries, language, description)


def read(content: bytes, language: str, name: str = "") -> list[FileEntry]:
    """The entries of a PO or XLIFF file (bytes) for `language`; raises TranslationFileError."""
    if len(content) > MAX_FILE_SIZE:
        raise TranslationFileError([_("The file is too large (at most 10 MB).")])
    return _MODULES[detect_format(content, name)].read(content, language)
