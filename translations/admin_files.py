"""Admin export/import of translation files (PO, XLIFF 2.0) for outside translators.

Every hook of this feature lives here (this module is imported by `translations.wagtail_hooks`):
the two admin views, a "Translations" menu with the status report, Export and Import, and an "Export for
translation" button in the page header's and the page listing's "more" menus. The work itself is
done by `translations.exchange`.

Who: users who can reach the admin and may translate at least one language (superusers,
`translations.translate_all`, `translations.translate_<code>`). The language choices are limited
to the user's languages; an import also needs the right to edit each object it changes.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets import AdminPageChooser, Button
from wagtail.models import Page

import languages

from . import permissions
from .exchange import export, formats, importing
from .exchange.entries import TranslationFileError


def language_choices(user):
    names = languages.names()
    return [(code, names[code]) for code in permissions.translatable_languages(user)]


def _require_translator(request):
    if not permissions.uses_translation_tools(request.user):
        raise PermissionDenied


class ExportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"))
    scope = forms.ChoiceField(
        label=_("What to export"),
        widget=forms.RadioSelect,
        initial=export.PAGE,
        choices=[
            (export.PAGE, _("This page")),
            (export.SECTION, _("This page and its subpages")),
            (
                export.OUT_OF_DATE,
                _("Everything untranslated or out of date in this language (pages, snippets, images)"),
            ),
        ],
    )
    page = forms.ModelChoiceField(
        label=_("Page"),
        queryset=Page.objects.filter(depth__gt=1),
        required=False,
        widget=AdminPageChooser(),
        help_text=_("Needed for “this page” and “this page and its subpages”."),
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        widget=forms.RadioSelect,
        initial=formats.PO,
        choices=[(formats.PO, _("PO (gettext)")), (formats.XLIFF, _("XLIFF 2.0"))],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices(user)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") in (export.PAGE, export.SECTION) and not cleaned.get("page"):
            self.add_error("page", _("Choose a page."))
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Translated file"), help_text=_("A PO or XLIFF 2.0 file exported from this site."))
    language = forms.ChoiceField(label=_("Language"))
    dry_run = forms.BooleanField(
        label=_("Only check the file"), required=False, help_text=_("List what would change without saving anything.")
    )
    submit = forms.BooleanField(
        label=_("Submit for review"),
        required=False,
        help_text=_("Send each page's new draft to its review workflow, as “Submit for moderation” would."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > formats.MAX_FILE_SIZE:
            raise forms.ValidationError(_("The file is too large (at most 10 MB)."))
        return upload


def _translator(user):
    """The exporting user as a PO file's Last-Translator ("Name <email>")."""
    name = user.get_full_name() or user.get_username()
    return f"{name} <{user.email}>" if user.email else name


def export_view(request):
    _require_translator(request)
    if "language" in request.GET:
        form = ExportForm(request.GET, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            page = data["page"] if data["scope"] != export.OUT_OF_DATE else None
            text = export.export_file(
                data["scope"],
                data["language"],
                page=page,
                file_format=data["file_format"],
                translator=_translator(request.user),
            )
            response = HttpResponse(text, content_type=formats.CONTENT_TYPES[data["file_format"]])
            name = export.filename(data["scope"], data["language"], page, data["file_format"])
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        status = 400
    else:
        initial = {}
        # ?page= comes from the page's "Export for translation" link, or from anyone typing it.
        page_id = request.GET.get("page", "")
        page = None
        if page_id.isascii() and page_id.isdigit():
            page = Page.objects.filter(pk=int(page_id), depth__gt=1).first()
        if page is not None:
            initial["page"] = page
        else:
            initial["scope"] = export.OUT_OF_DATE
        form = ExportForm(initial=initial, user=request.user)
        status = 200
    return render(request, "translations/export.html", {"form": form, "media": form.media}, status=status)


def import_view(request):
    _require_translator(request)
    errors = []
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = importing.import_file(
                    upload.read(),
                    form.cleaned_data["language"],
                    request.user,
                    name=upload.name,
                    dry_run=form.cleaned_data["dry_run"],
                    submit=form.cleaned_data["submit"],
                )
            except TranslationFileError as error:
                errors = error.errors
            else:
                return render(request, "translations/import_done.html", {"report": report})
        status = 400
    else:
        form = ImportForm(user=request.user)
        status = 200
    return render(request, "translations/import.html", {"form": form, "errors": errors}, status=status)


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("translations/files/export/", export_view, name="translations_export"),
        path("translations/files/import/", import_view, name="translations_import"),
    ]


class TranslatorMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.uses_translation_tools(request.user)


class TranslationFilesMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return permissions.uses_translation_tools(request.user)


@hooks.register("register_admin_menu_item")
def register_menu():
    menu = Menu(
        items=[
            TranslatorMenuItem(_("Translation status"), reverse("translations:report"), icon_name="site", order=50),
            TranslatorMenuItem(_("Export"), reverse("translations_export"), icon_name="download", order=100),
            TranslatorMenuItem(_("Import"), reverse("translations_import"), icon_name="upload", order=200),
        ]
    )
    return TranslationFilesMenuItem(_("Translations"), menu, icon_name="doc-full", name="translation-files", order=850)


def _export_button(page, user, priority):
    if page.depth > 1 and permissions.uses_translation_tools(user):
        return Button(
            _("Export for translation"),
            url=f"{reverse('translations_export')}?page={page.pk}",
            icon_name="download",
            priority=priority,
        )
    return None


@hooks.register("register_page_header_buttons")
def page_header_button(page, user, view_name=None, next_url=None):
    button = _export_button(page, user, priority=80)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_button(page, user, next_url=None):
    button = _export_button(page, user, priority=55)
    if button:
        yield button
