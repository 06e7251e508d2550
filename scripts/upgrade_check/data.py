"""What the database holds, keyed so that moving a model to another app changes nothing.

Models are named by their model name (`homepage`, not `wiegosite.homepage`); content types and
permissions, whose ids and app labels may change when models move, are written as model names
and `model.codename`. Imported after django.setup().
"""

import datetime
import decimal
import hashlib
import json
import uuid
from collections import Counter

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

# Derived search-backend tables (rebuilt from the pages) and rows whose ids may change when apps
# move: counted, but not compared row by row (permissions are compared per group, by name).
ROWS_NOT_COMPARED = {"contenttype", "permission", "indexentry", "sqliteftsindexentry", "session"}
# Rows that are rebuilt rather than edited (delete and insert: new ids, same content) are keyed by
# what they hold, not by id: the search index by page and language, the reference index by content.
KEYED_BY = {"searchentry": ("page_id", "language"), "referenceindex": None}


def model_key(model):
    return model._meta.model_name


def find_model(model_name):
    """The installed model with this model name, whatever its app (None when there is none)."""
    for model in apps.get_models():
        if model._meta.model_name == model_name:
            return model
    return None


class Names:
    """Content type and permission ids as names; a content type whose model is gone is STALE."""

    def __init__(self):
        self.content_types = {}
        for ct in ContentType.objects.all():
            model = ct.model_class()
            self.content_types[ct.pk] = ct.model if model else f"STALE:{ct.app_label}.{ct.model}"
        self.permissions = {
            perm.pk: f"{self.content_types.get(perm.content_type_id)}.{perm.codename}"
            for perm in Permission.objects.all()
        }

    def content_type(self, pk):
        return None if pk is None else self.content_types.get(pk, f"MISSING:{pk}")


def jsonable(field, obj, value):
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dict | list):
        return json.loads(json.dumps(value, default=str, sort_keys=True))
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return field.value_to_string(obj)


def row(obj, names):
    out = {}
    for field in obj._meta.local_concrete_fields:  # a parent's columns are in the parent's rows
        if getattr(field, "auto_now", False):
            continue  # the time of the last save, not content
        value = field.value_from_object(obj)
        if field.is_relation and field.related_model is ContentType:
            value = names.content_type(value)
        elif field.is_relation and field.related_model is Permission:
            value = names.permissions.get(value, value)
        out[field.attname] = jsonable(field, obj, value)
    if isinstance(obj, Revision) and isinstance(out.get("content"), dict):
        content = dict(out["content"])
        if "content_type" in content:
            content["content_type"] = names.content_type(content["content_type"])
        out["content"] = content
    return out


def rows(names):
    """{model name: {pk: {column: value}}} for every concrete model (multi-table children hold
    only their own columns and the parent link), apart from ROWS_NOT_COMPARED."""
    out = {}
    for model in apps.get_models(include_auto_created=True):
        key = model_key(model)
        if key in ROWS_NOT_COMPARED or model._meta.proxy:
            continue
        if key in out:
            key = f"{key}@{model._meta.app_label}"
        if model_key(model) in KEYED_BY:
            out[key] = rows_by_content(model, names, KEYED_BY[model_key(model)])
        else:
            out[key] = {str(obj.pk): row(obj, names) for obj in model._base_manager.order_by("pk")}
    return out


def rows_by_content(model, names, fields):
    """{key: row without its id}: key made of `fields`, or a hash of the row when None."""
    out = {}
    for obj in model._base_manager.order_by("pk"):
        values = row(obj, names)
        values.pop(model._meta.pk.attname, None)
        if fields:
            key = " ".join(str(values[name]) for name in fields)
        else:
            key = hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()[:16]
        while key in out:  # identical rows: counted, not merged
            key += "+"
        out[key] = values
    return out


def counts():
    """The headline numbers, in the order the summary prints them."""
    out = {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "redirects": Redirect.objects.count(),
        "images": get_image_model().objects.count(),
        "renditions": get_image_model().get_rendition_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
    }
    for label, name in [
        ("reference index", "referenceindex"),
        ("translated objects", "translatedobject"),
        ("language statuses", "languagestatus"),
        ("workflow states", "workflowstate"),
        ("task states", "taskstate"),
        ("search entries", "searchentry"),
        ("search promotions", "searchpromotion"),
        ("page log entries", "pagelogentry"),
    ]:
        model = find_model(name)
        out[label] = model._base_manager.count() if model else None
    return out


def rows_by_model():
    """{model name: row count} for every model, proxies left out (they share their table)."""
    out = Counter()
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.proxy:
            out[model_key(model)] += model._base_manager.count()
    return dict(sorted(out.items()))


def by_type(names):
    def count(queryset, field):
        return dict(sorted(Counter(names.content_type(pk) for pk in queryset.values_list(field, flat=True)).items()))

    reference_index = find_model("referenceindex")
    refs = Counter()
    if reference_index:
        for source, target in reference_index.objects.values_list("content_type_id", "to_content_type_id"):
            refs[f"{names.content_type(source)} -> {names.content_type(target)}"] += 1
    return {
        "pages by type": count(Page.objects.all(), "content_type_id"),
        "live pages by type": count(Page.objects.live(), "content_type_id"),
        "revisions by type": count(Revision.objects.all(), "content_type_id"),
        "reference index by type": dict(sorted(refs.items())),
    }


def groups(names):
    """Per group: its permissions (`model.codename`), page permissions and collection permissions."""
    page_perm = find_model("grouppagepermission")
    collection_perm = find_model("groupcollectionpermission")
    out = {}
    for group in Group.objects.order_by("name"):
        entry = {"permissions": sorted(names.permissions[pk] for pk in group.permissions.values_list("pk", flat=True))}
        if page_perm:
            entry["page permissions"] = sorted(
                f"{gp.page.url_path} {names.permissions.get(gp.permission_id, getattr(gp, 'permission_type', ''))}"
                for gp in page_perm.objects.filter(group=group).select_related("page")
            )
        if collection_perm:
            entry["collection permissions"] = sorted(
                f"{cp.collection.name} {names.permissions[cp.permission_id]}"
                for cp in collection_perm.objects.filter(group=group).select_related("collection")
            )
        out[group.name] = entry
    return out


def users():
    return {
        user.get_username(): {
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "superuser": user.is_superuser,
            "staff": user.is_staff,
            "active": user.is_active,
            "password set": user.has_usable_password(),
        }
        for user in get_user_model().objects.order_by("pk")
    }


def translation_status(names):
    """Per object (kind and title) and language: status, translated and out-of-date counts."""
    item_model, status_model = find_model("translatedobject"), find_model("languagestatus")
    if not item_model or not status_model:
        return {}
    out = {}
    for status in status_model.objects.select_related("item").order_by("item__title", "language", "pk"):
        item = status.item
        key = f"{getattr(item, 'object_type', None) or getattr(item, 'kind', '')} {item.title} [{status.language}]"
        value = (
            f"{names.content_type(item.content_type_id)}: {status.status} ({status.translated}/{item.units}"
            f" translated, {status.outdated} out of date, live {status.live_status or 'same'})"
        )
        out.setdefault(key, []).append(value)
    return {key: sorted(values) for key, values in out.items()}


def _object_label(names, ct_id, object_id):
    model = ContentType.objects.get_for_id(ct_id).model_class() if ct_id in names.content_types else None
    obj = model._base_manager.filter(pk=object_id).first() if model else None
    if obj is None:
        return f"{names.content_type(ct_id)}:{object_id}"
    return getattr(obj, "url_path", None) or str(obj)


def workflow_states(names):
    model = find_model("workflowstate")
    if not model:
        return []
    out = []
    for state in model.objects.order_by("pk"):
        ct = getattr(state, "base_content_type_id", None) or getattr(state, "content_type_id", None)
        label = _object_label(names, ct, state.object_id) if ct else str(getattr(state, "page", ""))
        task = state.current_task_state.task.name if state.current_task_state_id else None
        out.append(f"{label} | {state.workflow.name} | {state.status} | current task: {task}")
    return out


def revisions(names):
    """Per revision: what it belongs to, its model, and whether the code can still load it."""
    out = {}
    for revision in Revision.objects.order_by("pk"):
        entry = {
            "object": _object_label(names, revision.base_content_type_id, revision.object_id),
            "model": names.content_type(revision.content_type_id),
            "content sha256": hashlib.sha256(
                json.dumps(row(revision, names)["content"], sort_keys=True).encode()
            ).hexdigest(),
        }
        try:
            obj = revision.as_object()
            entry["loads as"] = f"{model_key(type(obj))}: {obj}"
        except Exception as error:  # recorded: a revision the code cannot load is a finding
            entry["loads as"] = f"ERROR {type(error).__name__}: {error}"
        out[str(revision.pk)] = entry
    return out


def stale_content_types(names):
    """Content types whose model no longer exists, with every row that still points at them
    (through any foreign key to ContentType, or a revision's stored content)."""
    stale = {pk: name for pk, name in names.content_types.items() if name.startswith("STALE:")}
    if not stale:
        return []
    out = []
    fks = [
        (model, field)
        for model in apps.get_models(include_auto_created=True)
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is ContentType
    ]
    for pk, name in sorted(stale.items()):
        refs = {}
        for model, field in fks:
            n = model._base_manager.filter(**{field.attname: pk}).count()
            if n:
                refs[f"{model_key(model)}.{field.name}"] = n
        stored = sum(1 for content in Revision.objects.values_list("content", flat=True) if _ct(content) == pk)
        if stored:
            refs["revision.content[content_type]"] = stored
        out.append({"content type": name, "id": pk, "referenced by": refs})
    return out


def _ct(content):
    if isinstance(content, str):
        content = json.loads(content)
    return content.get("content_type") if isinstance(content, dict) else None
