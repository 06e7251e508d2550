"""Computing and storing translation status (see `translations.models`).

`refresh(obj)` runs after every save of a translated object (`translations.signal_handlers`): it
reads the latest revision (what translators work on), splits it into units (`translations.units`)
and, per language, records the fingerprint of the English text each translation was made from
(and that text, to show what changed since; kept only for translated units). A
unit is *out of date* when the English text now differs from that fingerprint; the mark clears when
the translation is changed or a translator confirms it (`confirm`).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from modeltranslation.translator import translator
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page

import languages

from . import units as units_module
from .models import LanguageStatus, Status, TranslatedObject
from .units import fingerprint


def tracked_models():
    """Every model with translated text: page types, snippets, the image model, settings."""
    return [
        model
        for model in translator.get_registered_models()
        if model is not Page and not model._meta.abstract and units_module.is_tracked(model)
    ]


def object_type_of(model):
    """Page, image or snippet (site settings count as snippets)."""
    if issubclass(model, Page):
        return TranslatedObject.ObjectType.PAGE
    if issubclass(model, get_image_model()):
        return TranslatedObject.ObjectType.IMAGE
    return TranslatedObject.ObjectType.SNIPPET


def working_copy(obj):
    """What translators work on: the latest revision of a page or of a snippet with drafts (a
    region, a series), else the object itself."""
    if isinstance(obj, DraftStateMixin) and obj.latest_revision_id:
        if not isinstance(obj, Page) and not obj.has_unpublished_changes:
            return obj  # Wagtail's rule for snippets: the row is newest (it may be saved directly)
        revision = obj.latest_revision
        if revision is not None and revision.pk == obj.latest_revision_id:
            return revision.as_object()
    return obj


def english_title(obj):
    with translation.override(languages.SOURCE_LANGUAGE):
        if isinstance(obj, Page):
            return obj.draft_title or obj.title
        return str(obj)


def section_of(page):
    """The top-level section (a child of the site's home page) a page sits in."""
    if page.depth <= 3:
        return page if page.depth == 3 else None
    return Page.objects.filter(path=page.path[: Page.steplen * 3]).first()


def status_for(units, translated, outdated):
    if translated == 0:
        return Status.MISSING
    if outdated:
        return Status.OUTDATED
    if translated < units:
        return Status.PARTIAL
    return Status.COMPLETE


def language_state(obj_units, previous):
    """(fields, translated, outdated) for one language's units, carrying forward what each
    translation was made from unless the translation itself changed."""
    fields, translated, outdated = {}, 0, 0
    for unit in obj_units:
        if not unit.is_translated:
            continue
        tx, source_now = fingerprint(unit.target), fingerprint(unit.source)
        before = previous.get(unit.key)
        made_from = before["src"] if before and before.get("tx") == tx else source_now
        record = {"src": made_from, "tx": tx}
        # The English text itself, so an out-of-date unit can show what changed. Records made
        # before it was kept lack it (the English of those translations was not recorded).
        if made_from == source_now:
            record["text"] = unit.source
        elif before and "text" in before:
            record["text"] = before["text"]
        fields[unit.key] = record
        translated += 1
        outdated += made_from != source_now
    return fields, translated, outdated


def refresh(obj, created=False):
    """Recompute and store the status of one object in every language."""
    model = type(obj)
    if model is Page:
        obj = obj.specific
        model = type(obj)
    if model is Page or not units_module.is_tracked(model):
        return None
    current = working_copy(obj)
    per_language = {language: units_module.units(current, language) for language in languages.TARGET_LANGUAGES}
    english = per_language[languages.TARGET_LANGUAGES[0]] if languages.TARGET_LANGUAGES else []
    if created and not english:
        return None  # nothing to translate, nothing stored yet
    content_type = ContentType.objects.get_for_model(model)
    # Pages and snippets with drafts: the row holds the live version, judged separately.
    is_live_page = isinstance(obj, DraftStateMixin) and obj.live
    live = None
    if is_live_page and obj.has_unpublished_changes:
        live = model.objects.filter(pk=obj.pk).first()  # the row holds the live content

    with transaction.atomic():
        if not english:
            TranslatedObject.objects.filter(content_type=content_type, object_id=obj.pk).delete()
            return None
        item, _created = TranslatedObject.objects.update_or_create(
            content_type=content_type,
            object_id=obj.pk,
            defaults={
                "object_type": object_type_of(model),
                "page": obj if isinstance(obj, Page) else None,
                "section": section_of(obj) if isinstance(obj, Page) else None,
                "title": english_title(current)[:255],
                "units": len(english),
                "sources": {unit.key: fingerprint(unit.source) for unit in english},
            },
        )
        existing = {row.language: row for row in item.languages.all()}
        for language, obj_units in per_language.items():
            row = existing.get(language) or LanguageStatus(item=item, language=language)
            fields, translated, outdated = language_state(obj_units, row.fields or {})
            row.fields, row.translated, row.outdated = fields, translated, outdated
            row.status = status_for(len(obj_units), translated, outdated)
            row.live_status = ""
            if not is_live_page:
                row.live_fields = {}
            elif live is None:
                # Draft and live are the same; the live record needs no English texts.
                row.live_fields = {key: {"src": rec["src"], "tx": rec["tx"]} for key, rec in fields.items()}
            else:
                live_units = units_module.units(live, language)
                live_status = _live_status(live_units, row.live_fields or {})
                draft_texts = {unit.key: unit.target for unit in obj_units}
                live_texts = {unit.key: unit.target for unit in live_units}
                if live_status != row.status or live_texts != draft_texts:
                    row.live_status = live_status
            row.save()
    return item


def _live_status(live_units, fields):
    """The status of the live version, judged against what was recorded when it was published
    (a live text without a record counts as translated)."""
    translated = outdated = 0
    for unit in live_units:
        if not unit.is_translated:
            continue
        translated += 1
        recorded = fields.get(unit.key)
        if recorded and recorded["tx"] == fingerprint(unit.target) and recorded["src"] != fingerprint(unit.source):
            outdated += 1
    return status_for(len(live_units), translated, outdated)


def forget(obj):
    content_type = ContentType.objects.get_for_model(type(obj))
    TranslatedObject.objects.filter(content_type=content_type, object_id=obj.pk).delete()


def confirm(item, language, keys=None):
    """A translator confirms that the translation of `keys` (default: every out-of-date unit) is
    still right for the current English. Returns how many units were confirmed."""
    row = item.languages.get(language=language)
    confirmed = 0
    for key, recorded in row.fields.items():
        if keys is not None and key not in keys:
            continue
        current = item.sources.get(key)
        if current and recorded["src"] != current:
            recorded["src"] = current
            recorded.pop("text", None)  # the next refresh records the English now
            confirmed += 1
    row.outdated = sum(1 for key, recorded in row.fields.items() if recorded["src"] != item.sources.get(key))
    row.status = status_for(item.units, row.translated, row.outdated)
    row.save(update_fields=["fields", "outdated", "status"])
    return confirmed


def rebuild(progress=None):
    """Recompute every object's status (after a bulk load, or to repair). Returns the count."""
    count = 0
    for model in tracked_models():
        if issubclass(model, DraftStateMixin):
            queryset = model.objects.select_related("latest_revision").order_by("pk")
        else:
            queryset = model.objects.order_by("pk")
        for obj in queryset.iterator(chunk_size=500):
            refresh(obj)
            count += 1
            if progress and count % 500 == 0:
                progress(count)
    return count
