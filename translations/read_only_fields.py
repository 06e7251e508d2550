"""Read-only fields for translators.

A restricted user (see `translations.permissions`) gets the normal admin form of a page,
snippet or image (core.forms, which calls `lock_languages` through the RESTRICT_ADMIN_FORM hook),
but every field other than their own languages' is *disabled* and drawn by
`ReadOnlyWidget` as plain text: Django ignores posted values of disabled fields, so the lock holds
on the server whatever the browser sends. Inline child forms (programme and region tags, authors,
files) are shown read-only too and are neither validated nor saved for them.
"""

from django import forms
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.blocks.base import BlockField
from wagtail.rich_text import expand_db_html

from . import permissions
from .units import _leaves, raw_stream

ALWAYS_EDITABLE = {"comment_notifications"}
ALWAYS_EDITABLE_FORMSETS = {"comments"}


def writable_field_names(model, languages):
    """The form fields a user writing `languages` may change on `model`."""
    try:
        fields = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return set()
    return {build_localized_fieldname(name, code) for name in fields for code in languages} - {
        build_localized_fieldname("url_path", code) for code in languages
    }


class ReadOnlyWidget(forms.Widget):
    """Shows a value as text; never reads anything from the submitted data."""

    def __init__(self, field, attrs=None):
        super().__init__(attrs)
        self.field = field
        self.rich = "Draftail" in type(field.widget).__name__ or "RichText" in type(field.widget).__name__

    def value_from_datadict(self, data, files, name):
        return None

    def render(self, name, value, attrs=None, renderer=None):
        attrs = attrs or {}
        return format_html(
            '<div class="translation-read-only" id="{}" data-locked-field="{}">'
            '<p class="translation-read-only__note">{}</p>{}</div>',
            attrs.get("id", ""),
            name,
            _("Read only: translators change only their own languages."),
            self.display(value),
        )

    def display(self, value):
        field = self.field
        empty = format_html("<em>{}</em>", _("(empty)"))
        if value in (None, "", []):
            return empty
        if isinstance(field, BlockField):
            raw = raw_stream(value) if hasattr(value, "raw_data") else value
            if not isinstance(raw, list) or not raw:
                return empty
            leaves = list(_leaves(field.block, raw, [], ("stream",), ""))
            if not leaves:
                return empty
            return format_html_join(
                "", "<p><strong>{}</strong> {}</p>", ((leaf.label.strip(" /"), _plain(leaf.source)) for leaf in leaves)
            )
        if isinstance(field, forms.ModelChoiceField):
            obj = field.queryset.filter(pk=getattr(value, "pk", value)).first()
            return conditional_escape(str(obj)) if obj else empty
        if isinstance(field, forms.BooleanField):
            return _("Yes") if value else _("No")
        if isinstance(field, forms.ChoiceField):
            return conditional_escape(str(dict(field.choices).get(value, value)))
        text = _plain(expand_db_html(str(value))) if self.rich else str(value)
        return format_html('<span class="translation-read-only__text">{}</span>', text)


def _plain(html):
    from django.utils.html import strip_tags

    return strip_tags(html)


def lock(field):
    field.disabled = True
    field.required = False
    field.widget = ReadOnlyWidget(field)


def lock_languages(form, user):
    """RESTRICT_ADMIN_FORM hook (core.forms): a restricted user's form of a translated page,
    snippet, image or setting keeps only their languages' fields editable; every other field and
    every inline formset (but comments) is read-only, and those formsets are neither validated
    nor saved (core.forms skips `read_only_formsets`)."""
    form.locked_fields = []
    if user is None or not permissions.is_restricted(user):
        return
    allowed = writable_field_names(type(form.instance), permissions.writable_languages(user)) | ALWAYS_EDITABLE
    for name, field in form.fields.items():
        if name not in allowed:
            lock(field)
            form.locked_fields.append(name)
    for name, formset in getattr(form, "formsets", {}).items():
        if name in ALWAYS_EDITABLE_FORMSETS:
            continue
        form.read_only_formsets.append(name)
        for child in formset.forms:
            for field in child.fields.values():
                # Hidden bookkeeping inputs (ids, order, delete) stay as they are: the editor's
                # JavaScript and the formset machinery read them; nothing of a read-only formset
                # is validated or saved anyway.
                if not field.widget.is_hidden:
                    lock(field)
