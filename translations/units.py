"""The translatable text of an object, as units a translator works on.

A *unit* is one piece of English text and its translation in one language:

- a plain translated field (`title`, `teaser`, `intro`, an image's alt text...) is one unit,
  keyed by the field name;
- a StreamField is split into its text leaves, each keyed by the English block it comes from:
  `body.<block id>` for a paragraph, `body.<block id>.text` for a field of a struct block,
  `body.<block id>.<item id>.label` inside a list. The translation of a leaf is found in the
  language's own stream by the same block id (an import writes the English ids), else by
  position when the block type matches, so streams typed by hand in the admin still line up.

A unit exists only where the English text is filled: an empty optional field asks nothing of
translators. Non-text blocks (images, page links, choices) are not units; an import copies them
from the English stream.

This module and the site's language rules are the only code that reads the per-language columns.
"""

import copy
import hashlib
import re
from dataclasses import dataclass

from modeltranslation.translator import NotRegistered, translator
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.rich_text import RichText

import languages

# Translated Page fields that are not text a translator writes: slugs follow the title and are
# made by the admin, url_path is derived from the slugs.
NOT_UNITS = {"slug", "url_path"}

TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


@dataclass(frozen=True)
class Unit:
    key: str  # stable: field name, or field.block-id[.child...] for StreamField leaves
    field: str  # the model field the unit belongs to
    label: str  # for people: "Body / Heading / Heading", "Title"
    source: str  # the English text
    target: str  # the translation ("" when there is none)
    rich: bool = False  # rich text (HTML in Wagtail's storage format)

    @property
    def is_translated(self):
        return bool(self.target.strip())


_BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')
_SPACE = re.compile(r"\s+")


def normalise(text):
    """Text as compared for changes: the rich text editor adds `data-block-key` attributes and
    may re-flow whitespace when an unchanged paragraph is saved again; neither is a change."""
    return _SPACE.sub(" ", _BLOCK_KEY.sub("", text or "")).strip()


def fingerprint(text):
    """A short, stable fingerprint of a text (what a translation was made from)."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def translated_fields(model):
    """The translated field names of a model, in declaration order, without slug/url_path."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    names = list(options.all_fields)
    ordered = [field.name for field in model._meta.get_fields() if field.name in names]
    return [name for name in ordered if name not in NOT_UNITS]


def is_tracked(model):
    return bool(translated_fields(model))


def _field(model, name):
    return model._meta.get_field(name)


def _label(model, name):
    return str(_field(model, name).verbose_name).capitalize()


def units(obj, language):
    """Every unit of `obj` (a page, snippet or image instance) for `language`, in form order."""
    model = type(obj)
    found = []
    for name in translated_fields(model):
        field = _field(model, name)
        source = getattr(obj, languages.localized_field(name, languages.SOURCE_LANGUAGE), None)
        target = getattr(obj, languages.localized_field(name, language), None)
        if isinstance(field, StreamField):
            found.extend(_stream_units(field, name, _label(model, name), source, target))
        else:
            source = _text(source)
            if source.strip():
                found.append(Unit(name, name, _label(model, name), source, _text(target)))
    return found


def _text(value):
    if value is None:
        return ""
    if isinstance(value, RichText):
        return value.source
    return str(value)


# -- StreamFields ---------------------------------------------------------------------------
def raw_stream(value):
    """The stored JSON form of a StreamValue (list of {"type", "value", "id"})."""
    if value is None:
        return []
    if hasattr(value, "raw_data"):
        return [dict(item) for item in copy.deepcopy(list(value.raw_data))]
    return copy.deepcopy(list(value))


def _stream_units(field, name, label, source, target):
    english, translated = raw_stream(source), raw_stream(target)
    found = []
    for leaf in _leaves(field.stream_block, english, translated, (name,), label):
        found.append(leaf)
    return found


def _match(items, english_item, index, type_key="type"):
    """The item of a translated list that corresponds to an English one: same id, else the one
    in the same position when its type matches."""
    block_id = english_item.get("id")
    if block_id:
        for item in items:
            if item.get("id") == block_id:
                return item
    if index < len(items) and items[index].get(type_key) == english_item.get(type_key):
        return items[index]
    return None


def match_block(items, english_item, index):
    """The block of a language's stream that holds the translation of an English block."""
    return _match(items, english_item, index)


def _leaves(stream_block, english, translated, path, label):
    for index, item in enumerate(english):
        block = stream_block.child_blocks.get(item.get("type"))
        if block is None:
            continue
        other = _match(translated or [], item, index)
        item_path = (*path, item.get("id") or str(index))
        item_label = f"{label} / {block.label}"
        yield from _walk(block, item.get("value"), other.get("value") if other else None, item_path, item_label)


def _walk(block, english, translated, path, label):
    if isinstance(block, TEXT_BLOCKS):
        source = english if isinstance(english, str) else ""
        if source.strip():
            target = translated if isinstance(translated, str) else ""
            yield Unit(".".join(path), path[0], label, source, target, rich=isinstance(block, blocks.RichTextBlock))
    elif isinstance(block, blocks.StructBlock):
        english = english or {}
        translated = translated if isinstance(translated, dict) else {}
        for child_name, child in block.child_blocks.items():
            yield from _walk(
                child,
                english.get(child_name),
                translated.get(child_name),
                (*path, child_name),
                f"{label} / {child.label}",
            )
    elif isinstance(block, blocks.ListBlock):
        items = _list_items(english)
        others = _list_items(translated)
        for index, item in enumerate(items):
            other = _match(others, item, index, type_key="type")
            yield from _walk(
                block.child_block,
                item.get("value"),
                other.get("value") if other else None,
                (*path, item.get("id") or str(index)),
                f"{label} {index + 1}",
            )
    elif isinstance(block, blocks.StreamBlock):
        yield from _leaves(block, english or [], translated if isinstance(translated, list) else [], path, label)


def _list_items(value):
    """ListBlock values are stored as [{"type": "item", "value": ..., "id": ...}] (older data: plain
    values)."""
    if not isinstance(value, list):
        return []
    return [
        item if isinstance(item, dict) and "value" in item and "type" in item else {"type": "item", "value": item}
        for item in value
    ]


def rebuild_stream(field, english, texts):
    """The language's stream in the English structure: a copy of the English raw stream (ids,
    images, links included) with each text leaf replaced by `texts[key]`.

    Leaves missing from `texts` are left empty. Returns raw data for the StreamField.
    """
    english = raw_stream(english)
    _fill_stream(field.stream_block, english, (field.name,), texts)
    return english


def _fill_stream(stream_block, items, path, texts):
    for index, item in enumerate(items):
        block = stream_block.child_blocks.get(item.get("type"))
        if block is None:
            continue
        item["value"] = _fill(block, item.get("value"), (*path, item.get("id") or str(index)), texts)


def _fill(block, value, path, texts):
    if isinstance(block, TEXT_BLOCKS):
        if isinstance(value, str) and value.strip():
            return texts.get(".".join(path), "")
        return value
    if isinstance(block, blocks.StructBlock):
        value = dict(value or {})
        for child_name, child in block.child_blocks.items():
            if child_name in value:
                value[child_name] = _fill(child, value[child_name], (*path, child_name), texts)
        return value
    if isinstance(block, blocks.ListBlock):
        items = _list_items(value)
        for index, item in enumerate(items):
            item["value"] = _fill(block.child_block, item.get("value"), (*path, item.get("id") or str(index)), texts)
        return items
    if isinstance(block, blocks.StreamBlock):
        value = list(value or [])
        _fill_stream(block, value, path, texts)
        return value
    return value
