"""Query strings: the free text visitors type (searches, text filters) made safe, and the query
strings of the links the site builds (pagination, language switcher, feeds)."""

import unicodedata

from django.http import QueryDict

# The longest free text any search or filter uses; the forms' inputs say the same (maxlength).
MAX_TEXT_LENGTH = 200


def clean_free_text(raw, max_length: int = MAX_TEXT_LENGTH) -> tuple[str, bool]:
    """Free text from a query string (`?q=`, a title filter), safe for every database, page and
    link, and whether it had to be shortened. Every view that reads free text from a query
    string passes it through here first.

    Control characters become spaces (PostgreSQL refuses a NUL byte in a query); lone surrogates
    (which cannot be encoded, so the database driver raises), invisible format characters
    (zero-width and direction marks) and U+FFFD (what undecodable bytes such as `%ED%A0%80`
    become) are dropped; the text is normalised to NFC (so "é" typed either way matches), runs of
    white space collapse to one space, and the result is cut at `max_length` characters.
    """
    if not isinstance(raw, str):
        return "", False
    raw = raw[: max_length * 20]  # bound the work on absurd input before looking at it
    kept = []
    for char in raw:
        category = unicodedata.category(char)
        if category == "Cc":
            kept.append(" ")
        elif category not in ("Cs", "Cf") and char != "\ufffd":
            kept.append(char)
    text = " ".join(unicodedata.normalize("NFC", "".join(kept)).split())
    if len(text) <= max_length:
        return text, False
    return text[:max_length].rstrip(), True


def with_value(params: QueryDict, name: str, value: str) -> QueryDict:
    """A mutable copy of `params` with one value for `name` (e.g. the cleaned search text, so
    the links a page builds carry the text as searched, not what was typed)."""
    params = params.copy()
    params[name] = value
    return params


def without_empty(params, defaults=None):
    """A mutable copy of `params` without empty values (`q=`) nor values equal to the default
    of their parameter (`defaults`, e.g. {"sort": "newest"}), every other parameter kept in order."""
    defaults = defaults or {}
    clean = QueryDict(mutable=True)
    for name, values in params.lists():
        kept = [value for value in values if value.strip() and value != defaults.get(name)]
        if kept:
            clean.setlist(name, kept)
    return clean
