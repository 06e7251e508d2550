"""What changed in the English since a translation was made: a word-level difference between
the English the translation was made from and the English now, for people to read."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.text import Truncator

_WORD = re.compile(r"\S+|\s+")
CONTEXT_WORDS = 8  # unchanged words kept on each side of a change; longer runs are elided


@dataclass(frozen=True)
class Piece:
    kind: str  # "same", "removed", "added" or "gap" (unchanged words left out)
    text: str


def plain(text):
    """Rich text as the words a reader sees."""
    return " ".join(strip_tags(text or "").split())


def word_diff(old, new):
    """The pieces that turn `old` into `new`, word by word (markup ignored), with long unchanged
    runs shortened to their first and last words."""
    before, after = _WORD.findall(plain(old)), _WORD.findall(plain(new))
    pieces = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.extend(_shorten("".join(before[i1:i2]), first=not pieces, last=i2 == len(before)))
            continue
        if tag in ("delete", "replace"):
            pieces.extend(_changed("removed", "".join(before[i1:i2])))
        if tag in ("insert", "replace"):
            if tag == "replace":
                pieces.append(Piece("same", " "))
            pieces.extend(_changed("added", "".join(after[j1:j2])))
    return pieces


def _changed(kind, text):
    """A changed run, with the spaces around it left outside the mark."""
    words = text.strip()
    if not words:
        return [Piece("same", text)]
    pieces = [Piece("same", " ")] if text[0].isspace() else []
    pieces.append(Piece(kind, words))
    if text[-1].isspace():
        pieces.append(Piece("same", " "))
    return pieces


def _shorten(text, first, last):
    words = text.split(" ")
    if len(words) <= 2 * CONTEXT_WORDS + 1:
        return [Piece("same", text)]
    head, tail = " ".join(words[:CONTEXT_WORDS]), " ".join(words[-CONTEXT_WORDS:])
    if first:
        return [Piece("gap", "…"), Piece("same", " " + tail)]
    if last:
        return [Piece("same", head + " "), Piece("gap", "…")]
    return [Piece("same", head + " "), Piece("gap", "…"), Piece("same", " " + tail)]


def short(text, words=40):
    return Truncator(plain(text)).words(words)
