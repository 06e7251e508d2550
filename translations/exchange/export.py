"""What an export holds, and its file.

Three scopes: one page, a page and its subpages, or everything untranslated or out of date in one
language (every page, snippet, image and the site settings). Each object gives one entry per unit
(`translations.units`) of its working copy (a page's latest revision). Whether a unit is out of
date comes from the stored status (`LanguageStatus.fields[key]["src"]` differs from
`TranslatedObject.sources[key]`), so the out-of-date export reads only the objects whose stored
status is not complete.
"""

from collections.abc import Callable, Collection, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django.utils import timezone, translation
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

import languages

from .. import status, units
from ..models import LanguageStatus, Status
from . import formats
from .entries import OUT_OF_DATE_NOTE, Entry
from .keys import entry_key

PAGE, SECTION, OUT_OF_DATE = "page", "section", "out-of-date"
SCOPES = (PAGE, SECTION, OUT_OF_DATE)
RICH_TEXT_NOTE = "Rich text: keep the HTML tags and their attributes."
BATCH = 500  # ids per query

Progress = Callable[[int], object]


def public_address(page, language):
    """The page's public address in `language` (its translated slugs under the language prefix),
    as readers of the translation will reach it; "" when the page is not in a site."""
    with translation.override(language):
        return page.get_full_url() or ""


def _describe(obj, copy, language):
    """The comment lines shared by every entry of an object: title, public address in the file's
    language, admin address."""
    lines = [status.english_title(copy)]
    if isinstance(obj, Page):
        address = public_address(obj, language)
        if address:
            lines.append(f"Page: {address}" if obj.live else f"Page (not yet published): {address}")
    url = AdminURLFinder().get_edit_url(obj) or ""
    if url:
        lines.append(f"Edit: {url}")
    return lines


def stale_keys(objects: Iterable[Model], language: str) -> dict[tuple[type[Model], int], set[str]]:
    """{(model, pk): keys of the units whose translation was made from another English text},
    from the stored status, a few queries for any number of objects."""
    by_model = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj.pk)
    stale = {}
    for model, ids in by_model.items():
        content_type = ContentType.objects.get_for_model(model)
        for start in range(0, len(ids), BATCH):
            rows = LanguageStatus.objects.filter(
                language=language, item__content_type=content_type, item__object_id__in=ids[start : start + BATCH]
            ).select_related("item")
            for row in rows:
                sources = row.item.sources
                stale[(model, row.item.object_id)] = {
                    key for key, recorded in row.fields.items() if recorded.get("src") != sources.get(key)
                }
    return stale


def object_entries(
    obj: Model, language: str, only_pending: bool = False, stale: Collection[str] | None = None
) -> list[Entry]:
    """The entries of one object for `language` (`only_pending`: untranslated or out of date)."""
    if stale is None:
        stale = stale_keys([obj], language).get((type(obj), obj.pk), set())
    copy = status.working_copy(obj)
    first, *rest = _describe(obj, copy, language)
    found = []
    for unit in units.units(copy, language):
        out_of_date = unit.is_translated and unit.key in stale
        if only_pending and unit.is_translated and not out_of_date:
            continue
        comment = [f"{first} — {unit.label}", *rest]
        if unit.rich:
            comment.append(RICH_TEXT_NOTE)
        if out_of_date:
            comment.insert(0, OUT_OF_DATE_NOTE)
        found.append(
            Entry(entry_key(obj, unit.key), unit.source, unit.target, out_of_date, "\n".join(comment), unit.rich)
        )
    return found


def _specific_pages(queryset: QuerySet) -> QuerySet:
    return queryset.specific().select_related("latest_revision")


def objects_for(scope: str, language: str, page: Page | None = None) -> list[tuple[Model, bool]]:
    """(object, only_pending) pairs to export, in order."""
    if scope == PAGE:
        return [(page.specific, False)]
    if scope == SECTION:
        return [(descendant, False) for descendant in _specific_pages(page.get_descendants(inclusive=True))]
    if scope != OUT_OF_DATE:
        raise ValueError(scope)
    rows = (
        LanguageStatus.objects.filter(language=language)
        .exclude(status=Status.COMPLETE)
        .select_related("item", "item__page")
        .order_by("item__object_type", "item__page__path", "item__title", "item__pk")
    )
    wanted = [(row.item.content_type_id, row.item.object_id) for row in rows]
    by_type = {}
    for content_type_id, object_id in wanted:
        by_type.setdefault(content_type_id, []).append(object_id)
    loaded = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        for start in range(0, len(ids), BATCH):
            queryset = model.objects.filter(pk__in=ids[start : start + BATCH])
            if issubclass(model, Page):
                queryset = queryset.select_related("latest_revision")
            for obj in queryset:
                loaded[(content_type_id, obj.pk)] = obj
    return [(loaded[key], True) for key in wanted if key in loaded]


def collect(scope: str, language: str, page: Page | None = None, progress: Progress | None = None) -> list[Entry]:
    """Every entry of an export, with progress(count) called every 100 objects."""
    entries = []
    objects = objects_for(scope, language, page)
    stale = stale_keys([obj for obj, _only_pending in objects], language)
    for count, (obj, only_pending) in enumerate(objects, start=1):
        entries.extend(object_entries(obj, language, only_pending, stale.get((type(obj), obj.pk), set())))
        if progress and count % 100 == 0:
            progress(count)
    return entries


def scope_description(scope: str, page: Page | None = None) -> str:
    """What the file holds, for its header: `out-of-date`, `page 12`, `section 12`."""
    return scope if page is None else f"{scope} {page.pk}"


def export_file(
    scope: str,
    language: str,
    page: Page | None = None,
    file_format: str = formats.PO,
    progress: Progress | None = None,
    translator: str = "",
) -> str:
    """The text of an export file."""
    if language not in languages.TARGET_LANGUAGES:
        raise ValueError(f"Not a target language: {language}")
    if scope in (PAGE, SECTION) and page is None:
        raise ValueError("A page is needed for this scope.")
    if file_format not in formats.FORMATS:
        raise ValueError(f"Unknown format: {file_format}")
    entries = collect(scope, language, page, progress)
    return formats.write(entries, language, scope_description(scope, page), file_format, translator)


def filename(scope: str, language: str, page: Page | None = None, file_format: str = formats.PO) -> str:
    """The download's name: `wiego-es-page-12-20261122-1430.po`, `wiego-fr-out-of-date-….xlf`."""
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    what = "out-of-date" if page is None else f"{scope}-{page.pk}"
    return f"wiego-{language}-{what}-{stamp}.{formats.EXTENSIONS[file_format]}"
