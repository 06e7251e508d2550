"""The translation status report (admin): one row per page, snippet or image, a cell per
language, read from the stored status so it costs the same with 100 or 10,000 pages."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Value, When
from django.urls import NoReverseMatch, reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

import languages

from . import diff
from . import status as status_module
from . import units as units_module
from .models import LanguageStatus, Status, TranslatedObject
from .units import fingerprint

# Pages first (what translators mostly work on), then snippets, then images.
KIND_ORDER = Case(
    *(When(object_type=kind, then=Value(position)) for position, kind in enumerate(TranslatedObject.ObjectType.values)),
    output_field=IntegerField(),
)


def language_names():
    """{code: the language's name in itself} of the languages translators fill, for column heads."""
    return {code: languages.get(code).native_name for code in languages.TARGET_LANGUAGES}


def counts():
    """{language: {status: n}} over every tracked object, in one query."""
    table = {language: dict.fromkeys(Status.values, 0) for language in languages.TARGET_LANGUAGES}
    rows = LanguageStatus.objects.values("language", "status").annotate(n=Count("id")).order_by()
    for row in rows:
        if row["language"] in table:
            table[row["language"]][row["status"]] = row["n"]
    return table


def filtered(params):
    """The report's queryset for validated filter values (see forms.StatusFilterForm)."""
    queryset = TranslatedObject.objects.select_related("content_type", "section").prefetch_related("languages")
    queryset = queryset.alias(kind_order=KIND_ORDER).order_by("kind_order", "title", "pk")
    language, state = params.get("language"), params.get("status")
    cells = LanguageStatus.objects.filter(item=OuterRef("pk"))
    if language:
        cells = cells.filter(language=language)
    if state:
        queryset = queryset.filter(Exists(cells.filter(status=state)))
    if params.get("live_differs"):
        queryset = queryset.filter(Exists(cells.exclude(live_status="")))
    if params.get("section"):
        section = params["section"]
        queryset = queryset.filter(page__path__startswith=section.path)
    if params.get("content_type"):
        queryset = queryset.filter(content_type=params["content_type"])
    if params.get("type"):
        queryset = queryset.filter(object_type=params["type"])
    if params.get("q"):
        queryset = queryset.filter(title__icontains=params["q"])
    return queryset


def edit_url(item, user):
    """The admin edit view of a tracked object, without loading it when its type allows."""
    try:
        if item.object_type == TranslatedObject.ObjectType.PAGE:
            return reverse("wagtailadmin_pages:edit", args=[item.object_id])
        if item.object_type == TranslatedObject.ObjectType.IMAGE:
            return reverse("wagtailimages:edit", args=[item.object_id])
        model = item.content_type
        return reverse(f"wagtailsnippets_{model.app_label}_{model.model}:edit", args=[item.object_id])
    except NoReverseMatch:
        obj = item.content_type.get_object_for_this_type(pk=item.object_id)
        return AdminURLFinder(user).get_edit_url(obj)


def type_label(content_type):
    model = content_type.model_class()
    return str(model._meta.verbose_name).capitalize() if model else content_type.model


def section_choices():
    """Top-level sections: the children of each site's home page."""
    return Page.objects.filter(depth=3).order_by("path")


def type_choices():
    ids = TranslatedObject.objects.values_list("content_type", flat=True).distinct().order_by()
    types = ContentType.objects.filter(pk__in=list(ids))
    return sorted(types, key=type_label)


def summary(item):
    """One object's status rows in language order (None where a language has no row)."""
    rows = {row.language: row for row in item.languages.all()}
    return [rows.get(code) for code in languages.TARGET_LANGUAGES]


def field_rows(item):
    """The field-by-field status of one object: for each unit of the latest revision, its
    English text and, per language, the translation and its state."""
    obj = item.content_type.get_object_for_this_type(pk=item.object_id)
    current = status_module.working_copy(obj)
    stored = {row.language: row for row in item.languages.all()}
    rows = {}
    for language in languages.TARGET_LANGUAGES:
        recorded = stored[language].fields if language in stored else {}
        for unit in units_module.units(current, language):
            row = rows.setdefault(unit.key, {"key": unit.key, "label": unit.label, "source": unit.source, "cells": []})
            record = recorded.get(unit.key, {})
            cell = {"language": language, "target": unit.target}
            if not unit.is_translated:
                state = Status.MISSING
            elif record.get("src", fingerprint(unit.source)) != fingerprint(unit.source):
                state = Status.OUTDATED
                # old English → new English; None when the earlier English was not recorded
                cell["english_change"] = diff.word_diff(record["text"], unit.source) if "text" in record else None
            else:
                state = Status.COMPLETE
            cell.update(state=state, label=Status(state).label)
            row["cells"].append(cell)
    return obj, list(rows.values())


def outdated_marks(obj, rows):
    """Where the editor marks out-of-date translations: [{"field": "teaser_es", "block": None,
    "language": "es", "label": ...}], `block` being the id of the StreamField block in that
    language's stream (the one the translation of the unit is read from)."""
    current = status_module.working_copy(obj)
    marks = []
    for row in rows:
        for cell in row["cells"]:
            if cell["state"] != Status.OUTDATED:
                continue
            field, *path = row["key"].split(".")
            column = languages.localized_field(field, cell["language"])
            block = _block_id(current, field, column, path[0]) if path else None
            marks.append({"field": column, "block": block, "language": cell["language"], "label": row["label"]})
    return marks


def _block_id(obj, field, column, english_id):
    """The id of the block of a language's stream that matches an English top-level block."""
    english = units_module.raw_stream(getattr(obj, languages.localized_field(field, languages.SOURCE_LANGUAGE)))
    translated = units_module.raw_stream(getattr(obj, column))
    for index, item in enumerate(english):
        if (item.get("id") or str(index)) == english_id:
            match = units_module.match_block(translated, item, index)
            return match.get("id") if match else None
    return None
