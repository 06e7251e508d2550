"""PO (gettext) translation files: the key is the `msgctxt`, the English the `msgid`, the
translation the `msgstr`, the translator's notes `#.` comments."""

import re
from collections.abc import Iterable

import polib
from django.utils import timezone
from django.utils.translation import gettext as _

import languages

from .entries import EXPORTED_AT_HEADER, SCOPE_HEADER, Entry, FileEntry, TranslationFileError, check_language

# Who answers for the translations when no person is named (the header is required by gettext
# tools and `msgfmt --check`; a translator's tool puts its user's name there on saving).
TEAM = "WIEGO translators"


def write(entries: Iterable[Entry], language: str, description: str = "", translator: str = "") -> str:
    """The text of a PO file holding `entries` for `language`; `translator` ("Name <email>") is
    the person the file is exported for."""
    po = polib.POFile(wrapwidth=0)
    now = timezone.now()
    po.metadata = {
        "Project-Id-Version": "WIEGO site content",
        "PO-Revision-Date": now.strftime("%Y-%m-%d %H:%M%z"),
        "Last-Translator": translator or TEAM,
        "Language-Team": f"{languages.get(language).native_name} ({TEAM})",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        EXPORTED_AT_HEADER: now.isoformat(timespec="seconds"),
        SCOPE_HEADER: description,
    }
    for entry in entries:
        po.append(polib.POEntry(msgctxt=entry.key, msgid=entry.source, msgstr=entry.target, comment=entry.comment))
    return str(po)


_PO_STRING = r'"(?:[^"\\]|\\.)*"'
_PO_LINE = re.compile(
    rf"^\s*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_PO_STRING}|{_PO_STRING})?\s*$"
)


def syntax_errors(text: str, limit: int = 10) -> list[str]:
    """Lines that are not PO syntax (polib accepts, for instance, a string without its closing
    quote and would import a damaged text)."""
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not _PO_LINE.match(line):
            errors.append(
                _("This is not a valid PO file: %(error)s")
                % {"error": _("line %(line)s: %(text)s") % {"line": number, "text": line.strip()[:80]}}
            )
            if len(errors) >= limit:
                break
    return errors


def read(content: bytes, language: str) -> list[FileEntry]:
    """The entries of a PO file for `language`; raises TranslationFileError."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise TranslationFileError([_("The file is not UTF-8 text.")]) from None
    if "\n" not in text.strip():
        # polib would take a one-line string for a file name and open that file.
        raise TranslationFileError([_("This is not a valid PO file: %(error)s") % {"error": _("a single line")}])
    errors = syntax_errors(text)
    if errors:
        raise TranslationFileError(errors)
    try:
        po = polib.pofile(text, encoding="utf-8", check_for_duplicates=False)
    except (OSError, ValueError) as error:
        raise TranslationFileError([_("This is not a valid PO file: %(error)s") % {"error": error}]) from None
    file_language = (po.metadata.get("Language") or "").strip()
    if not file_language:
        raise TranslationFileError([_("The PO file has no Language header.")])
    check_language(file_language, language)
    found = []
    for entry in po:
        if entry.obsolete:
            continue
        where = _("line %(line)s") % {"line": entry.linenum}
        found.append(FileEntry(entry.msgctxt or "", entry.msgid, entry.msgstr, where, "fuzzy" in entry.flags))
    return found
