"""Translated-slug routing and slug validation by indexed lookups.

wagtail-modeltranslation routes a request by loading every child of each page on the path and
comparing slugs in Python, and validates a slug on each admin save by loading every sibling once
per language. With thousands of publications under the library both grow with the number of
siblings. Here both become one indexed query per path segment (routing) or per language
(validation). The per-language slug columns get their indexes in `fill_page_language_columns`
(wiegosite's `migrate`), since they live on Wagtail's page table.
"""

from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult

from . import languages


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
    return IndexedSlugPageForm


def install(page_models):
    """Swap the slug-scanning parts of wagtail-modeltranslation for the indexed ones."""
    from wagtail_modeltranslation import patch_wagtailadmin

    # Page.clean, as patched by wagtail-modeltranslation, calls this module-level function.
    patch_wagtailadmin._validate_slugs = validate_slugs
    for model in page_models:
        model.route = route
        form_class = model.__dict__.get("base_form_class") or model.base_form_class
        # Skip the sibling-scanning form wagtail-modeltranslation put on top, keep what is below.
        if form_class.__name__ == "WagtailFixedAdminPageForm":
            form_class = form_class.__mro__[1]
        if not form_class.__name__.startswith("IndexedSlug"):
            model.base_form_class = indexed_slug_form(form_class)
