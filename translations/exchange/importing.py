"""Importing a translation file: check everything, then write.

The whole file is checked first and nothing is written if anything is wrong (malformed file,
another language, unknown object or unit, English changed since the export, markup not allowed in
rich text, text too long, no permission). Then, in one transaction and in English (so the base
columns keep English), each object's changed units are written: a page, or a snippet with drafts
(a region, a series), gets a new *draft* revision made from its latest revision (never
published; an object with no change gets no revision); images and site settings have no
revisions, so they are saved directly.
StreamFields are rebuilt in the English structure (`units.rebuild_stream`): English block ids,
images and page links, with the file's text where it has one and the current translation
elsewhere. The `post_save` signal then refreshes the stored status.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_permission_codename
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Page, Revision

import languages
from core import rich_text

from .. import permissions, status, units
from ..units import Unit, fingerprint
from . import formats
from .entries import FileEntry, TranslationFileError
from .keys import object_prefix, parse_key
from .markup import markup_problems


@dataclass
class Change:
    key: str
    label: str
    old: str
    new: str


@dataclass
class ObjectResult:
    """What an import changed in one object."""

    obj: Model
    title: str
    object_type: str  # page, snippet or image (TranslatedObject.ObjectType)
    type_name: str  # for people: "page", "region", "site image"
    edit_url: str
    changes: list[Change] = field(default_factory=list)
    revision: Revision | None = None  # the new draft revision of a page or snippet with drafts
    # Sent for review: "submitted", "resubmitted", "in-review" (already), "no-workflow", or "".
    review: str = ""

    @property
    def makes_draft(self) -> bool:
        """Saved as a draft revision (pages, regions, series), not directly (images, settings)."""
        return isinstance(self.obj, DraftStateMixin)


@dataclass
class ImportReport:
    language: str
    objects: list[ObjectResult] = field(default_factory=list)  # only those with changes
    unchanged: int = 0
    untranslated: int = 0
    fuzzy: list[str] = field(default_factory=list)  # keys skipped because marked fuzzy
    dry_run: bool = False

    @property
    def changed(self) -> int:
        return sum(len(result.changes) for result in self.objects)


@dataclass
class _Target:
    obj: Model
    copy: Model  # the working copy the file's texts are written to
    units: dict[str, Unit]
    entries: list[tuple[FileEntry, Unit]] = field(default_factory=list)


def _load_target(model, pk, language):
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        return None
    if isinstance(obj, Page):
        obj = obj.specific
    copy = status.working_copy(obj)
    return _Target(obj, copy, {unit.key: unit for unit in units.units(copy, language)})


def _text_problem(entry, unit, model):
    """Why the translation of `unit` in `entry` cannot be stored (None when it can)."""
    if unit.rich:
        problems = markup_problems(entry.target)
        if problems:
            return _("%(where)s: markup not allowed in “%(key)s”: %(markup)s") % {
                "where": entry.where,
                "key": entry.key,
                "markup": ", ".join(sorted(set(problems))),
            }
        # Allowed tags, but put together so that the page or its editor would fail: broken links,
        # tags closed out of order, markup the editor's converter cannot read.
        problems = rich_text.problems(entry.target)
        if problems:
            return _("%(where)s: the rich text of “%(key)s” would break the page or its editor: %(problems)s.") % {
                "where": entry.where,
                "key": entry.key,
                "problems": "; ".join(dict.fromkeys(problems)),
            }
        return None
    model_field = model._meta.get_field(unit.field)
    limit = getattr(model_field, "max_length", None)
    if not isinstance(model_field, StreamField) and limit and len(entry.target) > limit:
        return _("%(where)s: the translation of “%(key)s” is longer than %(limit)s characters.") % {
            "where": entry.where,
            "key": entry.key,
            "limit": limit,
        }
    return None


def _check(entries, language, user):
    """Group the file's entries by object, collecting every error; returns (targets, report)."""
    errors, targets, seen, seen_units = [], {}, set(), set()
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
        key = parse_key(entry.key)
        if key is None:
            errors.append(
                _("%(where)s: “%(key)s” is not a key of this site.") % {"where": entry.where, "key": entry.key}
            )
            continue
        model = key.model
        if model not in tracked:
            errors.append(
                _("%(where)s: unknown kind of object in “%(key)s”.") % {"where": entry.where, "key": entry.key}
            )
            continue
        if (model, key.pk, key.unit) in seen_units:  # once under its old label, once under its new one
            errors.append(_("%(where)s: “%(key)s” appears twice.") % {"where": entry.where, "key": entry.key})
            continue
        seen_units.add((model, key.pk, key.unit))
        object_key = (model, key.pk)
        if object_key not in targets:
            targets[object_key] = _load_target(model, key.pk, language)
        target = targets[object_key]
        if target is None:
            errors.append(
                _("%(where)s: %(model)s %(pk)s does not exist (any more).")
                % {"where": entry.where, "model": model._meta.verbose_name, "pk": key.pk}
            )
            continue
        unit = target.units.get(key.unit)
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
        problem = _text_problem(entry, unit, model)
        if problem:
            errors.append(problem)
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
        english = getattr(copy, languages.localized_field(name, languages.SOURCE_LANGUAGE))
        model_field = type(copy)._meta.get_field(name)
        setattr(copy, languages.localized_field(name, language), units.rebuild_stream(model_field, english, current))
    return changes


SUBMITTED, RESUBMITTED, IN_REVIEW, NO_WORKFLOW = "submitted", "resubmitted", "in-review", "no-workflow"


def _may_submit(obj, user: AbstractBaseUser) -> bool:
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_submit_for_moderation()
    # A snippet with drafts (region, series): whoever may change it may submit it, as in its editor.
    return user.has_perm(f"{obj._meta.app_label}.{get_permission_codename('change', obj._meta)}")


def submit_for_review(page: Page | DraftStateMixin, user: AbstractBaseUser) -> str:
    """Send a page's (or a snippet's) new draft revision to its review workflow, as the editor's
    "Submit for moderation" would; returns what happened (see ObjectResult.review)."""
    state = page.current_workflow_state
    if state is not None:
        if state.status == state.STATUS_NEEDS_CHANGES:
            state.resume(user)
            return RESUBMITTED
        return IN_REVIEW  # the reviewers see the latest revision already
    workflow = page.get_workflow()
    if workflow is None or not _may_submit(page, user):
        return NO_WORKFLOW
    workflow.start(page, user)
    return SUBMITTED


def import_entries(
    entries: list[FileEntry], language: str, user: AbstractBaseUser, dry_run: bool = False, submit: bool = False
) -> ImportReport:
    """Check and apply read entries; returns an ImportReport or raises TranslationFileError.
    `submit`: send each new draft (page, region, series) to its review workflow."""
    targets, report = _check(entries, language, user)
    report.dry_run = dry_run
    with transaction.atomic(), translation.override(languages.SOURCE_LANGUAGE):
        for target in targets:
            result = ObjectResult(
                target.obj,
                status.english_title(target.copy),
                str(status.object_type_of(type(target.obj))),
                str(type(target.obj)._meta.verbose_name),
                AdminURLFinder().get_edit_url(target.obj) or "",
            )
            result.changes = _apply(target, language)
            if not dry_run:
                try:
                    if isinstance(target.copy, DraftStateMixin):  # pages, regions, series
                        result.revision = target.copy.save_revision(user=user, log_action=True)
                        if submit:
                            result.review = submit_for_review(target.copy, user)
                    else:
                        target.copy.save()
                except ValidationError as error:
                    messages = [f"{result.title}: {message}" for message in error.messages]
                    raise TranslationFileError(messages) from None
            report.objects.append(result)
    return report


def import_file(
    content: bytes,
    language: str,
    user: AbstractBaseUser,
    name: str = "",
    dry_run: bool = False,
    submit: bool = False,
) -> ImportReport:
    """Read and import a PO or XLIFF file (bytes). Raises TranslationFileError (nothing written).
    `submit`: send each new draft (page, region, series) to its review workflow."""
    return import_entries(formats.read(content, language, name), language, user, dry_run=dry_run, submit=submit)
