"""What a translation file holds, whatever its format: the entries an export writes, the
entries read back from a file, and the error that refuses a file."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

EXPORTED_AT_HEADER = "X-Wiego-Exported-At"
SCOPE_HEADER = "X-Wiego-Scope"
OUT_OF_DATE_NOTE = "OUT OF DATE: the English changed after this translation was made."


@dataclass
class Entry:
    """One unit of one object, as exported."""

    key: str  # translations.exchange.keys
    source: str  # the English
    target: str  # the current translation ("" when there is none)
    out_of_date: bool = False
    comment: str = ""  # for the translator: title, field, page path, admin address
    rich: bool = False


@dataclass
class FileEntry:
    """One entry as read from a file."""

    key: str
    source: str
    target: str
    where: str  # "line 12" / "unit …", for error messages
    fuzzy: bool = False


class TranslationFileError(Exception):
    """The file cannot be imported; `errors` says why (nothing was written)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = list(errors)


def check_language(file_language: str, language: str) -> None:
    """Refuse a file written for another language than the one chosen (`pt_BR` counts as `pt`)."""
    if file_language.lower().replace("_", "-").split("-")[0] != language:
        raise TranslationFileError(
            [_("This file is for language “%(found)s”, not “%(asked)s”.") % {"found": file_language, "asked": language}]
        )
