"""Site search in the visitor's language.

DESIGN.md ("Languages"): search on /es/ covers what a visitor reads there, the Spanish text of
pages that have Spanish and the English fallback of pages that do not, and never matches a
page's English text when the page has Spanish.

Wagtail's own search backends cannot do that with field-level translation: on PostgreSQL its
database backend uses one text-search configuration for every language, and on SQLite its FTS
backend fails on per-language fields. So the site keeps its own index, `SearchEntry`: one row per
live page and language, holding the text a visitor of that language reads there (the page's own
text, or its English text flagged `is_fallback`). Searching a language only ever looks at that
language's rows, which is what makes the rule above hold.

- PostgreSQL: each row has a `tsvector` built with the configuration of the language its text is
  written in (spanish, french, portuguese, english; English for fallback rows), title weighted
  above the rest, behind a GIN index. A query is parsed with the same configuration, so
  "trabajadora" finds "trabajadoras" on /es/, and results are ranked with `ts_rank`.
- SQLite (local runs): every word of the query must appear in the row's text, compared
  lower-cased and without accents; rows whose title holds more of the words come first.

The index follows publishing (core/signal_handlers.py); `manage.py rebuild_search_index` rebuilds
it. The search page itself (promotions, results, the page's language links) is the `search` app;
the library's text filter searches the same index.
"""

import html
import operator
import re
import unicodedata
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, IntegerField, Q, QuerySet, Value, When
from django.utils import translation
from modeltranslation.translator import NotRegistered, translator
from wagtail import blocks
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.search import index

import languages as language_registry
from core import page_languages as languages
from core.models import SearchEntry, concrete_page_types

# SQLite matches word by word; a cap keeps a long query from becoming a long chain of LIKEs.
MAX_QUERY_WORDS = 20

_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def text_search_configuration(language: str) -> str:
    """PostgreSQL's text-search configuration (stemmer and stop words) for a site language;
    "simple" (no stemming) rather than a wrong stemmer for a code the site does not have."""
    if language_registry.is_language(language):
        return language_registry.get(language).text_search_config
    return "simple"


def uses_postgres_search() -> bool:
    return connection.vendor == "postgresql"


# -- text -------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower-cased, without accents: how the SQLite search compares text ("Economía" ~ "economia")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def normalise_query(query: str) -> str:
    """The form in which queries are compared with promotions: folded, single-spaced."""
    return " ".join(fold(query).split())


def html_text(source: str | None) -> str:
    # Tags become spaces so that "<p>one</p><p>two</p>" does not read "onetwo".
    return html.unescape(_TAG.sub(" ", source or ""))


def block_text(block: blocks.Block, raw) -> list[str]:
    """The visible words of one block's stored value: paragraphs without their tags, headings,
    quotes, key figures, calls to action, captions. Images, page links and choices add nothing.

    Reads the stored (raw) value rather than the block's Python value, so that indexing a body
    never loads the pages and images its blocks point to.
    """
    if raw is None:
        return []
    if isinstance(block, blocks.RichTextBlock):
        return [html_text(raw)]
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return [str(raw)]
    if isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        return [text for name, child in block.child_blocks.items() for text in block_text(child, raw.get(name))]
    if isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        parts = []
        for item in raw:
            # Stored list items are {"type": "item", "value": ..., "id": ...} (older data: bare values).
            is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            parts.extend(block_text(block.child_block, item["value"] if is_wrapped else item))
        return parts
    if isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        parts = []
        for child in raw:
            child_block = block.child_blocks.get(child.get("type")) if isinstance(child, dict) else None
            if child_block is not None:
                parts.extend(block_text(child_block, child.get("value")))
        return parts
    return []


def plain_text(value) -> str:
    """Text of a field value of any kind (text, rich text, StreamField)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, RichText):
        return html_text(value.source)
    stream_block = getattr(value, "stream_block", None)
    if stream_block is not None:
        return " ".join(block_text(stream_block, list(value.raw_data)))
    return str(value)


def _translated_field_names(model):
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def field_text(obj, field_name: str, language: str) -> str:
    """A field's text in exactly one language: no fallback to English for translated fields;
    untranslated fields (author names) read the same in every language."""
    if field_name in _translated_field_names(type(obj)):
        value = languages.field_value(obj, field_name, language)
    else:
        value = getattr(obj, field_name, None)
    return plain_text(value)


def searchable_fields(model: type) -> tuple[list, list]:
    """What a page type declares searchable in its Wagtail `search_fields`: the names of its own
    text fields (title apart) and its related fields (a publication's series).

    wagtail-modeltranslation appends the per-language copies (`title_es`, ...) to those lists;
    they are left out, since each language's value is read through `field_text`.
    """
    translated = _translated_field_names(model)
    localised = {f"{name}_{code}" for name in translated for code in languages.LANGUAGE_CODES}
    names, related = [], []
    for field in model.search_fields:
        if isinstance(field, index.RelatedFields):
            related.append(field)
        elif isinstance(field, index.SearchField):
            name = field.field_name
            if name != "title" and name not in localised and name not in names:
                names.append(name)
    return names, related


def related_text(page: Page, related_fields: list, language: str) -> list[str]:
    parts = []
    for related in related_fields:
        target = getattr(page, related.field_name, None)
        if target is None:
            continue
        objects = target.all() if hasattr(target, "all") else [target]
        for obj in objects:
            if not getattr(obj, "live", True):
                continue  # a snippet that is still a draft (never published) says nothing yet
            parts.extend(
                field_text(obj, field.field_name, language)
                for field in related.fields
                if isinstance(field, index.SearchField)
            )
    return parts


# -- the index --------------------------------------------------------------------------------


def is_searchable(page: Page) -> bool:
    # An alias repeats another page's content at a second address: the original is found.
    return page.live and page.alias_of_id is None and isinstance(page, tuple(concrete_page_types()))


def entries_for(page: Page) -> list[SearchEntry]:
    """One unsaved SearchEntry per site language for a live page of any type.

    Each language is built with that language active and its columns read explicitly, so the
    language the editor's admin runs in never leaks into the index.
    """
    text_fields, related_fields = searchable_fields(type(page))
    entries = []
    for code in languages.LANGUAGE_CODES:
        with translation.override(code):
            has_language = languages.page_has_language(page, code)
            source = code if has_language else languages.SOURCE_LANGUAGE
            title = field_text(page, "title", source)
            parts = [field_text(page, name, source) for name in text_fields]
            parts += related_text(page, related_fields, source)
            text = " ".join(" ".join(parts).split())
        entries.append(
            SearchEntry(
                page_id=page.pk,
                language=code,
                is_fallback=not has_language,
                display_date=getattr(page, "display_date", None),
                title=title,
                text=text,
                folded_title=fold(title),
                folded_text=fold(text),
            )
        )
    return entries


def _write_search_vectors(entries):
    """Fill `search_vector` of the given rows (PostgreSQL only), each with the configuration of
    the language its text is written in: English for fallback rows."""
    if not uses_postgres_search():
        return
    configuration = Case(
        When(is_fallback=True, then=Value(text_search_configuration(languages.SOURCE_LANGUAGE))),
        *[When(language=code, then=Value(text_search_configuration(code))) for code in languages.LANGUAGE_CODES],
        default=Value("simple"),
    )
    entries.update(
        search_vector=SearchVector("title", weight="A", config=configuration)
        + SearchVector("text", weight="B", config=configuration)
    )


def index_page(page: Page) -> None:
    """Bring one page's entries up to date: its live text in every language, or nothing if it is
    not live (or not a site page type)."""
    page = page.specific
    with transaction.atomic():
        SearchEntry.objects.filter(page_id=page.pk).delete()
        if not is_searchable(page):
            return
        SearchEntry.objects.bulk_create(entries_for(page))
        _write_search_vectors(SearchEntry.objects.filter(page_id=page.pk))


def remove_page(page: Page) -> None:
    SearchEntry.objects.filter(page_id=page.pk).delete()


def _forward_relations(model, related_fields):
    names = []
    for related in related_fields:
        field = model._meta.get_field(related.field_name)
        if field.many_to_one or field.one_to_one:
            names.append(related.field_name)
    return names


def rebuild_index(log=None, batch_size: int = 500) -> int:
    """Rebuild the whole index from the live pages, one page type at a time. Returns the number
    of pages indexed. Runs in one transaction: searches see the old index until it is done."""
    log = log or (lambda message: None)
    log(f"Search index ({'PostgreSQL text search' if uses_postgres_search() else 'plain text matching'}):")
    total = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for model in concrete_page_types():
            _text_fields, related_fields = searchable_fields(model)
            pages = model.objects.live().filter(alias_of__isnull=True).order_by("path")
            if forward := _forward_relations(model, related_fields):
                pages = pages.select_related(*forward)
            count, batch = 0, []
            for page in pages.iterator(chunk_size=batch_size):
                batch.extend(entries_for(page))
                count += 1
                if len(batch) >= batch_size:
                    SearchEntry.objects.bulk_create(batch)
                    batch = []
            SearchEntry.objects.bulk_create(batch)
            log(f"  {model._meta.label}: {count} live page{'s' if count != 1 else ''}")
            total += count
        _write_search_vectors(SearchEntry.objects.all())
    return total


# -- searching --------------------------------------------------------------------------------


def _postgres_matches(entries, query, language):
    own = SearchQuery(query, config=text_search_configuration(language), search_type="websearch")
    matches = Q(is_fallback=False, search_vector=own)
    rank = SearchRank(F("search_vector"), own)
    if language != languages.SOURCE_LANGUAGE:
        # Fallback rows hold English text: the query is read with English grammar for them.
        english = SearchQuery(
            query, config=text_search_configuration(languages.SOURCE_LANGUAGE), search_type="websearch"
        )
        matches |= Q(is_fallback=True, search_vector=english)
        rank = Case(
            When(is_fallback=True, then=SearchRank(F("search_vector"), english)),
            default=rank,
            output_field=FloatField(),
        )
    return entries.filter(matches).annotate(rank=rank)


def _sqlite_matches(entries, query, language):
    # `entries` are already one language's rows; containment needs no grammar.
    words = list(dict.fromkeys(_WORD.findall(fold(query))))[:MAX_QUERY_WORDS]
    if not words:
        return entries.none().annotate(rank=Value(0, output_field=IntegerField()))
    for word in words:
        entries = entries.filter(Q(folded_title__contains=word) | Q(folded_text__contains=word))
    in_title = [
        Case(When(folded_title__contains=word, then=Value(1)), default=Value(0), output_field=IntegerField())
        for word in words
    ]
    return entries.annotate(rank=reduce(operator.add, in_title))


def matching_entries(query: str, language: str, pages: QuerySet, exclude_page_ids=()) -> QuerySet:
    """Entries of `language` matching `query` among `pages`, best first. Only the columns the
    results need are loaded."""
    entries = SearchEntry.objects.filter(language=language, page__in=pages)
    if exclude_page_ids:
        entries = entries.exclude(page_id__in=exclude_page_ids)
    matches = _postgres_matches if uses_postgres_search() else _sqlite_matches
    entries = matches(entries, query, language)
    return entries.only("pk", "page_id", "is_fallback").order_by("-rank", "is_fallback", "-display_date", "page_id")
