"""Translation files for outside translators: export to PO or XLIFF 2.0, import them back.

Plain functions, used by the `export_translations` / `import_translations` commands and the admin
views in `translations.admin_files`.

**Keys.** Every entry is one unit (`translations.units`) of one object, keyed
`<app_label>.<model_name>:<pk>:<unit key>`, e.g. `wiegosite.standardpage:12:body.3f2a….text`.
In a PO file the key is the `msgctxt`, the English is the `msgid` and the translation the
`msgstr`; in XLIFF 2.0 it is the `<unit id>`, with `<source>` and `<target>`.

**Out of date.** A unit whose English changed after its translation was made is exported with
its current translation and an "OUT OF DATE" comment (`#.` in PO, a `<note>` and
`state="initial"` in XLIFF). It is *not* marked fuzzy: translation tools and `msgfmt` treat fuzzy
entries as untranslated and some drop them, so the translator's corrected text could be lost.
Conversely, an entry a translator's tool marks fuzzy on the way back means "not sure yet" and is
skipped by the import (reported), as are entries with an empty translation: an import never
erases a translation.

**Import** checks the whole file first and writes nothing if anything is wrong (malformed file,
another language, unknown object or unit, English changed since the export, markup not allowed in
rich text, text too long, no permission). Then, in one transaction, it writes each object's
changed units: a page gets a new *draft* revision made from its latest revision (never
published; a page with no change gets no revision); snippets, images and site settings have no
revisions, so they are saved directly. StreamFields are rebuilt in the English structure
(`units.rebuild_stream`): English block ids, images and page links, with the file's text where it
has one and the current translation elsewhere.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import polib
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from lxml import etree
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.fields import StreamField
from wagtail.models import Page

import languages
from languages import SOURCE_LANGUAGE, TARGET_LANGUAGES

from . import permissions, status, units
from .models import LanguageStatus, Status
from .units import fingerprint

PO, XLIFF = "po", "xliff"
FORMATS = (PO, XLIFF)
EXTENSIONS = {PO: "po", XLIFF: "xlf"}
CONTENT_TYPES = {PO: "text/x-gettext-translation; charset=utf-8", XLIFF: "application/xliff+xml; charset=utf-8"}
XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
PAGE, SECTION, OUT_OF_DATE = "page", "section", "out-of-date"
SCOPES = (PAGE, SECTION, OUT_OF_DATE)
EXPORTED_AT_HEADER = "X-Wiego-Exported-At"
SCOPE_HEADER = "X-Wiego-Scope"
OUT_OF_DATE_NOTE = "OUT OF DATE: the English changed after this translation was made."
MAX_FILE_SIZE = 10 * 1024 * 1024

KEY_RE = re.compile(r"^(?P<app>[a-z0-9_]+)\.(?P<model>[a-z0-9_]+):(?P<pk>[0-9]+):(?P<unit>\S+)$")


class TranslationFileError(Exception):
    """The file cannot be imported; `errors` says why (nothing was written)."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = list(errors)


# -- What to export -------------------------------------------------------------------------
@dataclass
class Entry:
    key: str
    source: str
    target: str
    out_of_date: bool = False
    comment: str = ""
    rich: bool = False


def object_prefix(obj):
    opts = type(obj)._meta
    return f"{opts.app_label}.{opts.model_name}:{obj.pk}"


def _edit_url(obj):
    return AdminURLFinder().get_edit_url(obj) or ""


def _describe(obj, copy):
    """The comment lines shared by every entry of an object: title, page path, admin address."""
    lines = [status.english_title(copy)]
    if isinstance(obj, Page):
        with translation.override(SOURCE_LANGUAGE):
            lines.append(f"Page: {copy.url_path or ''}")
    url = _edit_url(obj)
    if url:
        lines.append(f"Edit: {url}")
    return lines


def _stale_keys(objects, language):
    """{(model, pk): keys of the units whose translation was made from another English text},
    from the stored status, a few queries for any number of objects."""
    by_model = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj.pk)
    stale = {}
    for model, ids in by_model.items():
        content_type = ContentType.objects.get_for_model(model)
        for start in range(0, len(ids), 500):
            rows = LanguageStatus.objects.filter(
                language=language, item__content_type=content_type, item__object_id__in=ids[start : start + 500]
            ).select_related("item")
            for row in rows:
                sources = row.item.sources
                stale[(model, row.item.object_id)] = {
                    key for key, recorded in row.fields.items() if recorded.get("src") != sources.get(key)
                }
    return stale


def object_entries(obj, language, only_pending=False, stale=None):
    """The entries of one object for `language` (`only_pending`: untranslated or out of date)."""
    if stale is None:
        stale = _stale_keys([obj], language).get((type(obj), obj.pk), set())
    copy = status.working_copy(obj)
    prefix = object_prefix(obj)
    first, *rest = _describe(obj, copy)
    found = []
    for unit in units.units(copy, language):
        out_of_date = unit.is_translated and unit.key in stale
        if only_pending and unit.is_translated and not out_of_date:
            continue
        comment = [f"{first} — {unit.label}", *rest]
        if unit.rich:
            comment.append("Rich text: keep the HTML tags and their attributes.")
        if out_of_date:
            comment.insert(0, OUT_OF_DATE_NOTE)
        found.append(
            Entry(f"{prefix}:{unit.key}", unit.source, unit.target, out_of_date, "\n".join(comment), unit.rich)
        )
    return found


def _specific_pages(queryset):
    return queryset.specific().select_related("latest_revision")


def objects_for(scope, language, page=None):
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
        .order_by("item__kind", "item__page__path", "item__title", "item__pk")
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
        for start in range(0, len(ids), 500):
            queryset = model.objects.filter(pk__in=ids[start : start + 500])
            if issubclass(model, Page):
                queryset = queryset.select_related("latest_revision")
            for obj in queryset:
                loaded[(content_type_id, obj.pk)] = obj
    return [(loaded[key], True) for key in wanted if key in loaded]


def collect(scope, language, page=None, progress=None):
    """Every entry of an export, with progress(count) called every 100 objects."""
    entries = []
    objects = objects_for(scope, language, page)
    stale = _stale_keys([obj for obj, _only_pending in objects], language)
    for count, (obj, only_pending) in enumerate(objects, start=1):
        entries.extend(object_entries(obj, language, only_pending, stale.get((type(obj), obj.pk), set())))
        if progress and count % 100 == 0:
            progress(count)
    return entries


def export(scope, language, page=None, file_format=PO, progress=None):
    """The text of an export file (str)."""
    if language not in TARGET_LANGUAGES:
        raise ValueError(f"Not a target language: {language}")
    if scope in (PAGE, SECTION) and page is None:
        raise ValueError("A page is needed for this scope.")
    entries = collect(scope, language, page, progress)
    description = scope if page is None else f"{scope} {page.pk}"
    if file_format == PO:
        return to_po(entries, language, description)
    if file_format == XLIFF:
        return to_xliff(entries, language, description)
    raise ValueError(f"Unknown format: {file_format}")


def filename(scope, language, page=None, file_format=PO):
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    what = "out-of-date" if page is None else f"{scope}-{page.pk}"
    return f"wiego-{language}-{what}-{stamp}.{EXTENSIONS[file_format]}"


def to_po(entries, language, description=""):
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "WIEGO site content",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        EXPORTED_AT_HEADER: timezone.now().isoformat(timespec="seconds"),
        SCOPE_HEADER: description,
    }
    for entry in entries:
        po.append(polib.POEntry(msgctxt=entry.key, msgid=entry.source, msgstr=entry.target, comment=entry.comment))
    return str(po)


def _x(tag):
    return f"{{{XLIFF_NS}}}{tag}"


def to_xliff(entries, language, description=""):
    root = etree.Element(_x("xliff"), nsmap={None: XLIFF_NS}, version="2.0", srcLang=SOURCE_LANGUAGE, trgLang=language)
    files = {}
    for entry in entries:
        object_key = entry.key.rsplit(":", 1)[0]
        if object_key not in files:
            files[object_key] = etree.SubElement(root, _x("file"), id=object_key)
        unit = etree.SubElement(files[object_key], _x("unit"), id=entry.key)
        notes = etree.SubElement(unit, _x("notes"))
        for line in entry.comment.splitlines():
            category = "status" if line == OUT_OF_DATE_NOTE else "description"
            etree.SubElement(notes, _x("note"), category=category).text = line
        translated = bool(entry.target.strip())
        state = "translated" if translated and not entry.out_of_date else "initial"
        segment = etree.SubElement(unit, _x("segment"), state=state)
        etree.SubElement(segment, _x("source")).text = entry.source
        if translated:
            etree.SubElement(segment, _x("target")).text = entry.target
    comment = etree.Comment(
        f" WIEGO site content. {SCOPE_HEADER}: {description}. "
        f"{EXPORTED_AT_HEADER}: {timezone.now().isoformat(timespec='seconds')} "
    )
    root.insert(0, comment)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


# -- Reading files --------------------------------------------------------------------------
@dataclass
class FileEntry:
    key: str
    source: str
    target: str
    where: str  # "line 12" / "unit …", for error messages
    fuzzy: bool = False


def detect_format(content, name=""):
    name = (name or "").lower()
    if name.endswith((".po", ".pot")):
        return PO
    if name.endswith((".xlf", ".xliff", ".xml")):
        return XLIFF
    return XLIFF if content.lstrip()[:1] == b"<" else PO


_PO_STRING = r'"(?:[^"\\]|\\.)*"'
_PO_LINE = re.compile(
    rf"^\s*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_PO_STRING}|{_PO_STRING})?\s*$"
)


def po_syntax_errors(text, limit=10):
    """Lines that are not PO syntax (polib accepts, for instance, a string without its closing
    quote and would import a damaged text)."""
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not _PO_LINE.match(line):
            errors.append(
                _("This is not a valid PO file: %(error)s")
                % {"error": _("line %(line)s: %(text)s") % {"line": number, "text": line.strip()[:80]}}
            )
            if len(errors) >= limit:
                break
    return errors


def read_po(content, language):
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise TranslationFileError([_("The file is not UTF-8 text.")]) from None
    if "\n" not in text.strip():
        # polib would take a one-line string for a file name and open that file.
        raise TranslationFileError([_("This is not a valid PO file: %(error)s") % {"error": _("a single line")}])
    syntax_errors = po_syntax_errors(text)
    if syntax_errors:
        raise TranslationFileError(syntax_errors)
    try:
        po = polib.pofile(text, encoding="utf-8", check_for_duplicates=False)
    except (OSError, ValueError) as error:
        raise TranslationFileError([_("This is not a valid PO file: %(error)s") % {"error": error}]) from None
    file_language = (po.metadata.get("Language") or "").strip()
    if not file_language:
        raise TranslationFileError([_("The PO file has no Language header.")])
    if file_language.lower().replace("_", "-").split("-")[0] != language:
        raise TranslationFileError(
            [_("This file is for language “%(found)s”, not “%(asked)s”.") % {"found": file_language, "asked": language}]
        )
    found = []
    for entry in po:
        if entry.obsolete:
            continue
        where = _("line %(line)s") % {"line": entry.linenum}
        found.append(FileEntry(entry.msgctxt or "", entry.msgid, entry.msgstr, where, "fuzzy" in entry.flags))
    return found


def _segment_text(unit, tag):
    parts = []
    for child in unit:
        if child.tag in (_x("segment"), _x("ignorable")):
            element = child.find(_x(tag))
            if element is not None:
                parts.append("".join(element.itertext()))
    return "".join(parts)


def read_xliff(content, language):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(content, parser=parser)  # entities off, no network, no DTD
    except etree.XMLSyntaxError as error:
        raise TranslationFileError([_("This is not well-formed XML: %(error)s") % {"error": error}]) from None
    if root.getroottree().docinfo.doctype:
        raise TranslationFileError([_("XLIFF files with a DOCTYPE are not accepted.")])
    if root.tag != _x("xliff") or root.get("version") != "2.0":
        raise TranslationFileError(
            [
                _('This is not an XLIFF 2.0 file (expected <xliff version="2.0"> in namespace %(ns)s).')
                % {"ns": XLIFF_NS}
            ]
        )
    if root.get("srcLang") != SOURCE_LANGUAGE:
        raise TranslationFileError(
            [_("The source language of the file is “%(found)s”, not English.") % {"found": root.get("srcLang") or ""}]
        )
    file_language = (root.get("trgLang") or "").strip()
    if file_language.lower().replace("_", "-").split("-")[0] != language:
        raise TranslationFileError(
            [_("This file is for language “%(found)s”, not “%(asked)s”.") % {"found": file_language, "asked": language}]
        )
    found = []
    for unit in root.iter(_x("unit")):
        key = unit.get("id") or ""
        where = _("unit %(id)s") % {"id": key}
        found.append(FileEntry(key, _segment_text(unit, "source"), _segment_text(unit, "target"), where))
    return found


def read(content, language, name=""):
    """The entries of a PO or XLIFF file (bytes) for `language`; raises TranslationFileError."""
    if len(content) > MAX_FILE_SIZE:
        raise TranslationFileError([_("The file is too large (at most 10 MB).")])
    if detect_format(content, name) == XLIFF:
        return read_xliff(content, language)
    return read_po(content, language)


# -- Checking rich text ---------------------------------------------------------------------
ALLOWED_TAGS = {"p", "br", "b", "i", "strong", "em", "a", "ol", "ul", "li"}
ALLOWED_ATTRIBUTES = {"a": {"href", "linktype", "id"}}


class _MarkupCheck(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | {"data-block-key"}
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(f'<{tag} {name}="…">')
            elif name == "href" and (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f'<{tag} href="{(value or "")[:20]}…">')

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def markup_problems(html):
    checker = _MarkupCheck()
    checker.feed(html)
    checker.close()
    return checker.problems


# -- Import ---------------------------------------------------------------------------------
@dataclass
class Change:
    key: str
    label: str
    old: str
    new: str


@dataclass
class ObjectResult:
    obj: object
    title: str
    kind: str  # page, snippet or image (TranslatedObject.Kind)
    type_name: str  # for people: "page", "region", "site image"
    edit_url: str
    changes: list = field(default_factory=list)
    revision: object = None  # the new draft revision of a page

    @property
    def is_page(self):
        return isinstance(self.obj, Page)


@dataclass
class ImportReport:
    language: str
    objects: list = field(default_factory=list)  # ObjectResult, only those with changes
    unchanged: int = 0
    untranslated: int = 0
    fuzzy: list = field(default_factory=list)  # keys skipped because marked fuzzy
    dry_run: bool = False

    @property
    def changed(self):
        return sum(len(result.changes) for result in self.objects)


@dataclass
class _Target:
    obj: object
    copy: object
    units: dict
    entries: list = field(default_factory=list)  # (FileEntry, Unit)


def _load_target(model, pk, language):
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        return None
    if isinstance(obj, Page):
        obj = obj.specific
    copy = status.working_copy(obj)
    return _Target(obj, copy, {unit.key: unit for unit in units.units(copy, language)})


def _check(entries, language, user):
    """Group the file's entries by object, collecting every error; returns (targets, report)."""
    errors, targets, seen = [], {}, set()
    report = ImportReport(language)
    if not permissions.can_translate(user, language):
        errors.append(_("You may not translate into this language (%(language)s).") % {"language": language})
    tracked = set(status.tracked_models())
    denied = set()
    for entry in entries:
        if entry.key in seen:
            errors.append(_("%(where)s: “%(key)s” appears twice.") % {"where": entry.where, "key": entry.key})
            continue
        seen.add(entry.key)
        match = KEY_RE.match(entry.key)
        if not match:
            errors.append(
                _("%(where)s: “%(key)s” is not a key of this site.") % {"where": entry.where, "key": entry.key}
            )
            continue
        try:
            model = apps.get_model(match["app"], match["model"])
        except LookupError:
            model = None
        if model not in tracked:
            errors.append(
                _("%(where)s: unknown kind of object in “%(key)s”.") % {"where": entry.where, "key": entry.key}
            )
            continue
        object_key = (model, int(match["pk"]))
        if object_key not in targets:
            targets[object_key] = _load_target(model, object_key[1], language)
        target = targets[object_key]
        if target is None:
            errors.append(
                _("%(where)s: %(model)s %(pk)s does not exist (any more).")
                % {"where": entry.where, "model": model._meta.verbose_name, "pk": match["pk"]}
            )
            continue
        unit = target.units.get(match["unit"])
        if unit is None:
            errors.append(
                _("%(where)s: “%(key)s” is not a text of this object (any more).")
                % {"where": entry.where, "key": entry.key}
            )
            continue
        if fingerprint(entry.source) != fingerprint(unit.source):
            errors.append(
                _("%(where)s: the English of “%(key)s” changed since the export; export it again.")
                % {"where": entry.where, "key": entry.key}
            )
            continue
        if object_key not in denied and not permissions.can_edit(user, target.obj):
            denied.add(object_key)
            errors.append(
                _("You may not edit “%(title)s” (%(key)s).")
                % {"title": status.english_title(target.copy), "key": object_prefix(target.obj)}
            )
        if entry.fuzzy:
            report.fuzzy.append(entry.key)
            continue
        if not entry.target.strip():
            report.untranslated += 1
            continue
        if entry.target == unit.target:
            report.unchanged += 1
            continue
        if unit.rich:
            problems = markup_problems(entry.target)
            if problems:
                errors.append(
                    _("%(where)s: markup not allowed in “%(key)s”: %(markup)s")
                    % {"where": entry.where, "key": entry.key, "markup": ", ".join(sorted(set(problems)))}
                )
                continue
        else:
            model_field = model._meta.get_field(unit.field)
            limit = getattr(model_field, "max_length", None)
            if not isinstance(model_field, StreamField) and limit and len(entry.target) > limit:
                errors.append(
                    _("%(where)s: the translation of “%(key)s” is longer than %(limit)s characters.")
                    % {"where": entry.where, "key": entry.key, "limit": limit}
                )
                continue
        target.entries.append((entry, unit))
    if errors:
        raise TranslationFileError(errors)
    return [target for target in targets.values() if target and target.entries], report


def _apply(target, language):
    """Set the file's texts on the working copy; returns the changes."""
    copy, changes = target.copy, []
    streams = {}
    for entry, unit in target.entries:
        changes.append(Change(unit.key, unit.label, unit.target, entry.target))
        model_field = type(copy)._meta.get_field(unit.field)
        if isinstance(model_field, StreamField):
            streams.setdefault(unit.field, {})[unit.key] = entry.target
        else:
            setattr(copy, languages.localized_field(unit.field, language), entry.target)
    for name, texts in streams.items():
        current = {unit.key: unit.target for unit in target.units.values() if unit.field == name}
        current.update(texts)
        english = getattr(copy, languages.localized_field(name, SOURCE_LANGUAGE))
        model_field = type(copy)._meta.get_field(name)
        setattr(copy, languages.localized_field(name, language), units.rebuild_stream(model_field, english, current))
    return changes


def _type_name(obj):
    return str(type(obj)._meta.verbose_name)


def import_entries(entries, language, user, dry_run=False):
    """Check and apply read entries; returns an ImportReport or raises TranslationFileError."""
    targets, report = _check(entries, language, user)
    report.dry_run = dry_run
    with transaction.atomic(), translation.override(SOURCE_LANGUAGE):
        for target in targets:
            result = ObjectResult(
                target.obj,
                status.english_title(target.copy),
                str(status.kind_of(type(target.obj))),
                _type_name(target.obj),
                _edit_url(target.obj),
            )
            result.changes = _apply(target, language)
            if not dry_run:
                try:
                    if isinstance(target.copy, Page):
                        result.revision = target.copy.save_revision(user=user, log_action=True)
                    else:
                        target.copy.save()
                except ValidationError as error:
                    messages = [f"{result.title}: {message}" for message in error.messages]
                    raise TranslationFileError(messages) from None
            report.objects.append(result)
    return report


def import_file(content, language, user, name="", dry_run=False):
    """Read and import a PO or XLIFF file (bytes). Raises TranslationFileError (nothing written)."""
    return import_entries(read(content, language, name), language, user, dry_run=dry_run)
