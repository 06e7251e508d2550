"""Query strings of the links the site builds (pagination, language switcher, feeds)."""

from django.http import QueryDict


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
