"""Entry keys: which text of which object an entry of a translation file is.

A key is `<app_label>.<model_name>:<pk>:<unit key>`, e.g. `standard_pages.standardpage:12:title`
or `programmes.programmepage:7:body.3f2a….text`; the unit key is the one of
`translations.units`. In a PO file the key is the `msgctxt`, in XLIFF 2.0 the `<unit id>`.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Model

KEY_RE = re.compile(r"^(?P<app>[a-z0-9_]+)\.(?P<model>[a-z0-9_]+):(?P<pk>[0-9]+):(?P<unit>\S+)$")


@dataclass(frozen=True)
class EntryKey:
    """A parsed key. `model` is None when the label names no installed model."""

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


def resolve_model(label: str) -> type[Model] | None:
    """The installed model a key's label names."""
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def parse_key(key: str) -> EntryKey | None:
    """The parts of a key, or None when it is not a key of this site's form."""
    match = KEY_RE.match(key)
    if not match:
        return None
    label = f"{match['app']}.{match['model']}"
    return EntryKey(label, resolve_model(label), int(match["pk"]), match["unit"])
