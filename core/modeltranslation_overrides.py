"""Every override of wagtail-modeltranslation, in one place, with a startup check.

wagtail-modeltranslation patches Wagtail's page classes when the app registry is ready. The site
changes four of its patches; each relies on a name inside wagtail-modeltranslation, so
`check_patched_targets` (a Django system check, registered in CoreConfig.ready) fails at startup
when an upgrade renames or removes one of them, instead of letting the override silently stop
working:

1. Routing and slug validation by indexed lookups (below).
2. Saves run in English and record renames (`keep_base_columns_in_english`).
3. The per-language columns of Wagtail's own page table are filled and indexed after `migrate`
   (`fill_page_language_columns`, `index_page_language_columns`; core's `migrate` command).
4. The optional titles in other languages are drawn like every other translated field
   (`plain_translated_titles`).

Routing: wagtail-modeltranslation routes a request by loading every child of each page on the path and
comparing slugs in Python, and validates a slug on each admin save by loading every sibling once
per language. With thousands of publications under the library both grow with the number of
siblings. Here both become one indexed query per path segment (routing) or per language
(validation). The per-language slug columns get their indexes in `fill_page_language_columns`
(wiegosite's `migrate`), since they live on Wagtail's page table.
"""

from django import forms
from django.core import checks
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.admin.panels import TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult
from wagtail_modeltranslation import patch_wagtailadmin, patch_wagtailadmin_forms

from core import page_languages as languages
from core import redirects

# What the overrides replace or unwrap inside wagtail-modeltranslation (checked at startup).
PATCHED_TARGETS = [
    (patch_wagtailadmin, "_validate_slugs"),  # called by the Page.clean it patches in
    (patch_wagtailadmin, "LocalizedSaveDescriptor"),  # the `save` it puts on each page class
    (patch_wagtailadmin_forms, "patch_admin_page_form"),  # the form class it puts on top
    # it copies the English TitleFieldPanel (placeholder "Page title*", class "title") to every language
    (patch_wagtailadmin.WagtailTranslator, "_patch_simple_panel"),
]


def route(self, request, path_components):
    """Page.route, finding the child by its slug in the active language with one query."""
    if isinstance(self, RoutablePageMixin) and self.live:
        path = "/" + "".join(f"{component}/" for component in path_components)
        try:
            view, args, kwargs = self.resolve_subpage(path)
            return RouteResult(self, args=(view, args, kwargs))
        except Http404:
            pass
    if path_components:
        child = self.get_children().filter(languages.slug_match_q(path_components[0])).order_by("path").first()
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.specific.route(request, path_components[1:])
    if self.live:
        return RouteResult(self)
    raise Http404


def slug_conflicts(page, parent, slugs):
    """{localized slug field: error} for every language whose slug a sibling already uses.

    `slugs` maps language code to the page's own slug value in that language (empty = falls back
    to English, as wagtail-modeltranslation builds the url_path).
    """
    if parent is None:
        return {}
    siblings = parent.get_children()
    if page.pk:
        siblings = siblings.exclude(pk=page.pk)
    english = slugs.get(languages.SOURCE_LANGUAGE)
    errors = {}
    for code in languages.LANGUAGE_CODES:
        effective = slugs.get(code) or english
        if effective and siblings.filter(languages.slug_match_q(effective, code)).exists():
            errors[build_localized_fieldname("slug", code)] = _("This slug is already in use")
    return errors


def validate_slugs(page):
    """Replacement for wagtail-modeltranslation's `_validate_slugs` (used by Page.clean)."""
    slugs = {code: languages.field_value(page, "slug", code) for code in languages.LANGUAGE_CODES}
    return slug_conflicts(page, page.get_parent(), slugs)


def indexed_slug_form(form_class):
    """The admin page form, checking every language's slug against the siblings by query."""

    class IndexedSlugPageForm(form_class):
        def clean(self):
            cleaned_data = super().clean()
            slugs = {
                code: cleaned_data.get(build_localized_fieldname("slug", code)) for code in languages.LANGUAGE_CODES
            }
            if any(value is not None for value in slugs.values()):
                for field, error in slug_conflicts(self.instance, self.parent_page, slugs).items():
                    if field in self.fields:
                        self.add_error(field, forms.ValidationError(error))
            return cleaned_data

    IndexedSlugPageForm.__name__ = f"IndexedSlug{form_class.__name__}"
    IndexedSlugPageForm._checks_slugs_by_index = True
    return IndexedSlugPageForm


def _is_modeltranslation_form(form_class):
    """True for the sibling-scanning form class wagtail-modeltranslation puts on a page class
    (recognised by where its factory defines it, not by a class name typed here)."""
    probe = patch_wagtailadmin_forms.patch_admin_page_form(WagtailAdminPageForm)
    return form_class.__module__ == probe.__module__ and form_class.__qualname__ == probe.__qualname__


def install_routing(page_models):
    """Swap the slug-scanning parts of wagtail-modeltranslation for the indexed ones."""
    # Page.clean, as patched by wagtail-modeltranslation, calls this module-level function.
    patch_wagtailadmin._validate_slugs = validate_slugs
    for model in page_models:
        model.route = route
        form_class = model.__dict__.get("base_form_class") or model.base_form_class
        # Skip the sibling-scanning form wagtail-modeltranslation put on top, keep what is below.
        if _is_modeltranslation_form(form_class):
            form_class = form_class.__mro__[1]
        if not getattr(form_class, "_checks_slugs_by_index", False):
            model.base_form_class = indexed_slug_form(form_class)


def keep_base_columns_in_english(page_models):
    """Wrap `save` of every page class so it runs in English and records renames.

    wagtail-modeltranslation replaces `save` on each registered page class with its own
    descriptor (which keeps every language's url_path right); this wraps that descriptor. Running
    it in English keeps the base columns English and makes the descriptor recompute the url_path
    of every language whose slug changed. Old addresses of renamed or moved pages get a redirect
    in each language whose address changed (`core.redirects`).
    """
    for model in page_models:
        original = model.__dict__.get("save")
        if not isinstance(original, patch_wagtailadmin.LocalizedSaveDescriptor):
            continue  # already wrapped (or not patched: check_patched_targets reports it)

        def save(self, *args, _original=original, **kwargs):
            with languages.in_source_language():
                before = redirects.addresses_before_save(self, kwargs.get("update_fields"))
                result = _original.__get__(self, type(self))(*args, **kwargs)
                redirects.create_for_changed_addresses(self, before)
                return result

        save._keeps_base_columns_in_english = True
        model.save = save


def fill_page_language_columns():
    """Pages created before the language columns existed (Wagtail's root page, at least) have
    them empty: copy the base columns into English and compute every language's url_path."""
    copied = ["title", "slug", "seo_title", "search_description", "url_path"]
    with languages.in_source_language():
        for field in copied:
            english = build_localized_fieldname(field, languages.SOURCE_LANGUAGE)
            for page in Page.objects.filter(**{f"{english}__isnull": True}).only("pk", field):
                Page.objects.filter(pk=page.pk).update(**{english: page.__dict__[field]})
        missing = Q()
        for field in languages.url_path_fields():
            missing |= Q(**{f"{field}__isnull": True})
        for page in Page.objects.filter(missing).order_by("path"):
            page.set_url_path(page.get_parent())
            Page.objects.filter(pk=page.pk).update(
                **{field: getattr(page, field) for field in languages.url_path_fields()}
            )


def index_page_language_columns(database=DEFAULT_DB_ALIAS):
    """Indexes on the per-language slug columns of Wagtail's page table, which routing and slug
    validation look up (core.modeltranslation_overrides). The columns are added outside migrations, so their
    indexes are too; IF NOT EXISTS makes this safe to run on every migrate."""
    connection = connections[database]
    with connection.cursor() as cursor:
        for code in languages.LANGUAGE_CODES:
            column = build_localized_fieldname("slug", code)
            cursor.execute(f"CREATE INDEX IF NOT EXISTS wagtailcore_page_{column}_idx ON wagtailcore_page ({column})")


def _panels(panels):
    for panel in panels:
        yield panel
        yield from _panels(getattr(panel, "children", ()))


def _translated_titles(model):
    sources = {"title", build_localized_fieldname("title", languages.SOURCE_LANGUAGE)}
    return [
        panel
        for panel in _panels(getattr(model, "content_panels", ()))
        if isinstance(panel, TitleFieldPanel)
        and panel.field_name.startswith("title_")
        and panel.field_name not in sources
    ]


def plain_translated_titles(page_models):
    """wagtail-modeltranslation gives every language's title the English title's panel: the
    placeholder "Page title*" with a required-field asterisk on optional fields, and the class
    "title", whose help text Wagtail's CSS moves below the field only for the first two panels
    (`.w-panel.title:nth-child(-n+2)`), so Spanish had it below and French and Portuguese above.
    The other languages' titles keep the panel (it fills their slug) without placeholder or
    class, drawn like every other translated field; the English title stays the page's title."""
    for model in page_models:
        for panel in _translated_titles(model):
            panel.placeholder = False
            panel.classname = ""


def install(page_models):
    """Apply the overrides to every translated page class (CoreConfig.ready, after
    wagtail-modeltranslation has patched them)."""
    keep_base_columns_in_english(page_models)
    install_routing(page_models)
    plain_translated_titles(page_models)


@checks.register(checks.Tags.compatibility)
def check_patched_targets(app_configs=None, **kwargs):
    """Fail at startup when something these overrides rely on has gone from
    wagtail-modeltranslation, or when a translated page class escaped them."""
    errors = [
        checks.Error(
            f"wagtail-modeltranslation no longer has {module.__name__}.{name}, which "
            "core.modeltranslation_overrides replaces or unwraps.",
            hint="Check the overrides against the new version of wagtail-modeltranslation before upgrading.",
            id="core.E001",
        )
        for module, name in PATCHED_TARGETS
        if not hasattr(module, name)
    ]
    if errors:
        return errors
    from modeltranslation.translator import translator

    for model in translator.get_registered_models():
        if not issubclass(model, Page) or model is Page:
            continue
        if getattr(model.save, "_keeps_base_columns_in_english", False) is not True:
            errors.append(checks.Error(f"{model._meta.label}.save does not run in English.", obj=model, id="core.E002"))
        if any(panel.placeholder or "title" in panel.classname.split() for panel in _translated_titles(model)):
            errors.append(
                checks.Error(f"{model._meta.label} draws optional titles as required.", obj=model, id="core.E004")
            )
        if model.route is not route or not getattr(model.base_form_class, "_checks_slugs_by_index", False):
            errors.append(
                checks.Error(
                    f"{model._meta.label} routes or validates slugs by scanning siblings.", obj=model, id="core.E003"
                )
            )
    return errors
