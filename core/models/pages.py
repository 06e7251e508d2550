"""The abstract base page every page type extends, and the helpers that work across page types."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page, get_page_models
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

import languages
from core import page_languages, tagging
from core.extension_points import PAGE_EDIT_TABS, PAGE_PERMISSION_TESTER
from core.forms import TranslatedPageForm


def image_field(verbose_name, help_text=""):
    return models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )


class BasePage(Page):
    """What every page type shares: display date, listing image and teaser, SEO fields, the tags
    of every registered taxonomy (core.tagging) and the editor's tabs.

    What a page type tells the site-wide parts (home, search, SEO) about itself, as class
    attributes or methods, so that they never test a page's type:
    - `main_text_fields`: with the title, decide whether the page is written in a language
      (read by core.page_languages);
    - `type_label`: what visitors call this type in listings and search results;
    - `related_listing_type`: the stable value of the programme listing's `?type=` filter that
      selects this type (None: not offered as a choice);
    - `open_graph_type` and `structured_data()` / `citation_meta()`: what seo prints;
    - `card_text_fields`: the text a listing card shows, the first field filled in the visitor's
      language (else in English) winning; fields a type lacks are skipped;
    - `show_date_on_cards`: False for types whose date means nothing to a reader;
    - `in_header_navigation`: True for a section (an index page under the home page) that the
      header navigation always shows, whether or not an editor ticked "Show in menus".

    A page type without `parent_page_types` may be created under any page type that lists it in
    its `subpage_types` (see clean_parent_page_models), so that a section (the library, the
    programmes) need not name the home page above it.
    """

    display_date = models.DateField(
        _("display date"),
        default=datetime.date.today,
        help_text=_("The date shown on the page and used to order listings, newest first."),
    )
    listing_image = image_field(_("listing image"), _("Shown on cards and when the page is shared."))
    teaser = models.TextField(
        _("teaser"), blank=True, max_length=400, help_text=_("One or two sentences shown in listings.")
    )

    main_text_fields = ()
    type_label = None
    related_listing_type = None
    open_graph_type = "website"
    card_text_fields = ("teaser", "intro")
    show_date_on_cards = True
    in_header_navigation = False
    base_form_class = TranslatedPageForm

    search_fields = [*Page.search_fields, index.SearchField("teaser")]

    listing_panels = [
        FieldPanel("display_date"),
        FieldPanel("listing_image"),
        FieldPanel("teaser"),
    ]
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        FieldPanel("show_in_menus"),
    ]

    class Meta:
        abstract = True

    # -- where a page type may be created ---------------------------------------------------
    @classmethod
    def clean_parent_page_models(cls):
        if getattr(cls, "parent_page_types", None) is not None:
            return super().clean_parent_page_models()
        # Invited by name: the page types whose own subpage_types list this one (never the root,
        # whose subpage_types is "anything").
        return [
            model
            for model in get_page_models()
            if getattr(model, "subpage_types", None) is not None and cls in model.clean_subpage_models()
        ]

    # -- saving: base columns always hold English ---------------------------------------------
    # `save` itself is wrapped for every page class in core.modeltranslation_overrides, so that
    # moves and copies (which save plain Page instances) are covered too.
    def full_clean(self, *args, **kwargs):
        with translation.override(languages.SOURCE_LANGUAGE):
            return super().full_clean(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        with translation.override(languages.SOURCE_LANGUAGE):
            return super().save_revision(*args, **kwargs)

    def permissions_for_user(self, user):
        # An app above core may narrow what a user may do (translators: no delete, move, copy).
        for make_tester in hooks.get_hooks(PAGE_PERMISSION_TESTER):
            return make_tester(self, user)
        return super().permissions_for_user(user)

    # -- preview: one mode per language, English by default --------------------------------
    # Without this the preview renders in the admin's own language, so a translator could not
    # see the French page from an English admin (and would see Spanish by accident).
    @property
    def preview_modes(self):
        return [(code, name) for code, name in settings.LANGUAGES]

    @property
    def default_preview_mode(self):
        return languages.SOURCE_LANGUAGE

    def make_preview_request(self, original_request=None, preview_mode=None, extra_request_attrs=None):
        # Wagtail's moderation preview and "View draft" without a mode always ask for the default
        # mode; a `?mode=es` on their address picks the language, so a moderator can see the
        # Spanish a translator submitted, judged on that revision.
        if original_request is not None and preview_mode in (None, self.default_preview_mode):
            asked = original_request.GET.get("mode", "")
            if languages.is_language(asked):
                preview_mode = asked
        return super().make_preview_request(original_request, preview_mode, extra_request_attrs)

    def serve_preview(self, request, mode_name):
        language = mode_name if languages.is_language(mode_name) else languages.SOURCE_LANGUAGE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            # Render now: a lazy TemplateResponse would render after the language is restored.
            if hasattr(response, "render"):
                response.render()
        return response

    # -- what templates and the site-wide parts need ----------------------------------------
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["has_active_language"] = page_languages.page_has_language(self, get_language())
        return context

    def structured_data(self, request, *, image=None, publisher=None):
        """schema.org objects describing this page beyond its breadcrumbs (none by default)."""
        return []

    def citation_meta(self, request):
        """(name, content) pairs of Google Scholar `citation_*` tags (none by default)."""
        return []

    # -- the editor ----------------------------------------------------------------------------
    @cached_classmethod
    def get_edit_handler(cls):
        """The editor's tabs, the same on every page type: content, tags, promote, settings, and
        whatever tabs the apps above core register (PAGE_EDIT_TABS)."""
        tabs = [
            ObjectList(cls.content_panels, heading=_("Content")),
            ObjectList(tagging.panels(), heading=_("Programmes and regions")),
            ObjectList(cls.promote_panels, heading=_("Promote")),
            ObjectList(cls.settings_panels, heading=_("Settings"), classname="settings"),
        ]
        for extra_tabs in hooks.get_hooks(PAGE_EDIT_TABS):
            tabs.extend(extra_tabs())
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)


class IndexPageMixin(models.Model):
    """Listing size for index pages, editable per page."""

    items_per_page = models.PositiveSmallIntegerField(
        _("items per page"), default=12, help_text=_("How many items each page of the listing shows.")
    )

    class Meta:
        abstract = True


def concrete_page_types():
    """Every concrete page type built on BasePage."""
    found, stack = [], list(BasePage.__subclasses__())
    while stack:
        model = stack.pop()
        stack.extend(model.__subclasses__())
        if not model._meta.abstract and model not in found:
            found.append(model)
    return sorted(found, key=lambda model: model._meta.label)


def display_date_expression():
    """`display_date` of any page type, for ordering pages of mixed types in one query.

    The base page is abstract, so each type keeps the date in its own table; this coalesces the
    columns of every concrete type reached through its parent link.
    """
    columns = [f"{model._meta.model_name}__display_date" for model in concrete_page_types()]
    return Coalesce(*columns, output_field=models.DateField())
