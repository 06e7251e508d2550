"""Entry keys: which text of which object an entry of a translation file is.

A key is `<app_label>.<model_name>:<pk>:<unit key>`, e.g. `programmes.programmepage:7:title` or
`programmes.programmepage:7:body.3f2a….text`; the unit key is the one of `translations.units`.
In a PO file the key is the `msgctxt`, in XLIFF 2.0 the `<unit id>`.

Models move between apps as the site is restructured, and a file exported before a move carries
the old label. `MODEL_ALIASES` maps old labels to new ones. An alias is used only when the old
label is no installed model any more, so the mapping can be written before the move and keeps
working after it.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Model

KEY_RE = re.compile(r"^(?P<app>[a-z0-9_]+)\.(?P<model>[a-z0-9_]+):(?P<pk>[0-9]+):(?P<unit>\S+)$")

# Old label → new label of the models that moved out of `wiegosite`.
MODEL_ALIASES: dict[str, str] = {
    "wiegosite.homepage": "home.homepage",
    "wiegosite.standardpage": "standard_pages.standardpage",
    "wiegosite.siteimage": "core.siteimage",
    "wiegosite.sitesettings": "core.sitesettings",
    "wiegosite.region": "places.region",
}


@dataclass(frozen=True)
class EntryKey:
    """A parsed key. `model` is None when the label names no installed model (even by alias)."""

    label: str  # "app_label.model_name", as written in the file
    model: type[Model] | None
    pk: int
    unit: str


def model_label(model: type[Model] | Model) -> str:
    """`app_label.model_name`, lower case, as keys spell it."""
    return model._meta.label_lower


def object_prefix(obj: Model) -> str:
    """The part of a key that names the object: `<app_label>.<model_name>:<pk>`."""
    return f"{model_label(obj)}:{obj.pk}"


def entry_key(obj: Model, unit_key: str) -> str:
    return f"{object_prefix(obj)}:{unit_key}"


def object_part(key: str) -> str:
    """The object's part of an entry key (what groups the entries of one object)."""
    return key.rsplit(":", 1)[0]


def resolve_model(label: str, aliases: Mapping[str, str] = MODEL_ALIASES) -> type[Model] | None:
    """The installed model a key's label names: the label itself, else the label it moved to."""
    for candidate in (label, aliases.get(label)):
        if candidate:
            try:
                return apps.get_model(candidate)
            except (LookupError, ValueError):
                continue
    return None


def parse_key(key: str, aliases: Mapping[str, str] = MODEL_ALIASES) -> EntryKey | None:
    """The parts of a key, or None when it is not a key of this site's form."""
    match = KEY_RE.match(key)
    if not match:
        return None
    label = f"{match['app']}.{match['model']}"
    return EntryKey(label, resolve_model(label, aliases), int(match["pk"]), match["unit"])
