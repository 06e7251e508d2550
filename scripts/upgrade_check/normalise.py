"""What is taken out of a response before the old and new snapshots are compared.

Only values that differ between two renders of the same content are replaced, each with a fixed
marker, so real content is never hidden. Each normaliser is a (name, pattern, replacement) and the
snapshot records how often each one applied, so a report shows what was masked:

- `csrf-token`: the per-request CSRF token of a form (`csrfmiddlewaretoken`) or a `csrf` meta tag
  (public pages have none today: the search form uses GET; kept for forms to come).

Nothing else is normalised: page addresses, image rendition URLs, dates shown on pages and in feeds
(`lastBuildDate` is the newest item's date, not the time of the request), JSON-LD, Open Graph tags
and every text stay as they are; two snapshots of the same database with the same code are
identical byte for byte (checked with the demo content on SQLite and PostgreSQL). Add a
normaliser here only for a value that is proven volatile (it differs between two fetches with the
same code), and document it above.
"""

import re

NORMALISERS = [
    (
        "csrf-token",
        re.compile(r'(name="csrfmiddlewaretoken"\s+value=")[^"]*(")'),
        r"\1[csrf]\2",
    ),
    (
        "csrf-token",
        re.compile(r'(<meta\s+name="csrf[-_]token"\s+content=")[^"]*(")'),
        r"\1[csrf]\2",
    ),
]


def normalise(text, counts=None):
    """`text` with every volatile value replaced by its marker; `counts` ({name: n}) is updated."""
    for name, pattern, replacement in NORMALISERS:
        text, replaced = pattern.subn(replacement, text)
        if counts is not None and replaced:
            counts[name] = counts.get(name, 0) + replaced
    return text


def lines_for_diff(text):
    """The text cut into short lines (one tag per line where lines are long), so a unified diff
    of two pages points at the element that changed rather than at a line of 5,000 characters."""
    out = []
    for line in text.splitlines():
        if len(line) <= 200:
            out.append(line)
        else:
            out.extend(part for part in re.split(r"(?<=>)(?=<)", line) if part)
    return out
