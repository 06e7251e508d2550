"""Site-wide pieces: the base page every page type extends, the home and standard pages, the
custom image model, regions and the site settings."""

import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from translations.locking import LanguageLockedModelForm, LanguageLockedPageForm
from translations.panels import TranslationStatusPanel
from translations.permissions import page_permissions

from . import languages
from .blocks import BodyBlock


class SiteImage(AbstractImage):
    """An image with alt text and caption in every language, and a photo credit.

    Wagtail's own `description` field is the alt text; it is translated like the caption.
    """

    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or source, shown with the image.")
    )

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "description_en",
        "description_es",
        "description_fr",
        "description_pt",
        "caption_en",
        "caption_es",
        "caption_fr",
        "caption_pt",
        "credit",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    search_fields = [*Image.search_fields, index.SearchField("caption"), index.SearchField("credit")]


class SiteImageRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@register_snippet
class Region(index.Indexed, models.Model):
    """A world region pages can be tagged with. The key is stable and language-neutral."""

    name = models.CharField(_("name"), max_length=100)
    key = models.SlugField(
        _("key"), max_length=50, unique=True, help_text=_("Stable identifier used in addresses and filters.")
    )

    panels = [FieldPanel("name"), FieldPanel("key")]
    base_form_class = LanguageLockedModelForm  # translators edit only their languages
    search_fields = [index.SearchField("name")]

    class Meta:
        ordering = ["key"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name


class PageRegion(Orderable):
    """A region tag. Keyed on the base page so one query finds every tagged page of any type."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="region_tags")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("region"))

    panels = [FieldPanel("region")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "region")]
        verbose_name = _("region")


def _image_field(verbose_name, help_text=""):
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
    """What every page type shares: display date, listing image and teaser, SEO fields and the
    programme and region tags (both relations are keyed on wagtailcore.Page).

    Concrete page types list the fields that, with the title, decide whether the page is written
    in a language (`main_text_fields`, read by `wiegosite.languages`).
    """

    display_date = models.DateField(
        _("display date"),
        default=datetime.date.today,
        help_text=_("The date shown on the page and used to order listings, newest first."),
    )
    listing_image = _image_field(_("listing image"), _("Shown on cards and when the page is shared."))
    teaser = models.TextField(
        _("teaser"), blank=True, max_length=400, help_text=_("One or two sentences shown in listings.")
    )

    main_text_fields = ()
    show_in_related_listings = True
    # Translators see other languages read-only (translations.locking).
    base_form_class = LanguageLockedPageForm

    search_fields = [*Page.search_fields, index.SearchField("teaser")]

    listing_panels = [
        FieldPanel("display_date"),
        FieldPanel("listing_image"),
        FieldPanel("teaser"),
    ]
    tagging_panels = [
        InlinePanel("programme_tags", label=_("Programmes"), heading=_("Programme(s)")),
        InlinePanel("region_tags", label=_("Regions"), heading=_("Region(s)")),
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

    # -- saving: base columns always hold English (see languages.in_source_language) -----------
    # `save` itself is wrapped for every page class in languages.keep_base_columns_in_english,
    # so that moves and copies (which save plain Page instances) are covered too.
    def full_clean(self, *args, **kwargs):
        with languages.in_source_language():
            return super().full_clean(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        with languages.in_source_language():
            return super().save_revision(*args, **kwargs)

    def permissions_for_user(self, user):
        # Translators may not delete, move or copy pages (translations.permissions).
        return page_permissions(self, user)

    # -- preview: one mode per language, English by default --------------------------------
    # Without this the preview renders in the admin's own language, so a translator could not
    # see the French page from an English admin (and would see Spanish by accident).
    @property
    def preview_modes(self):
        return [(code, name) for code, name in settings.LANGUAGES]

    @property
    def default_preview_mode(self):
        return languages.SOURCE_LANGUAGE

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in languages.LANGUAGE_CODES else languages.SOURCE_LANGUAGE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            # Render now: a lazy TemplateResponse would render after the language is restored.
            if hasattr(response, "render"):
                response.render()
        return response

    # -- what templates need --------------------------------------------------------------
    def programmes(self):
        return [tag.programme for tag in self.programme_tags.all() if tag.programme.live]

    def regions(self):
        return [tag.region for tag in self.region_tags.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["has_active_language"] = languages.page_has_language(self, get_language())
        return context

    @classmethod
    def edit_tabs(cls, content_panels):
        """The editor's tabs, the same order on every page type."""
        return TabbedInterface(
            [
                ObjectList(content_panels, heading=_("Content")),
                ObjectList(cls.tagging_panels, heading=_("Programmes and regions")),
                ObjectList(cls.promote_panels, heading=_("Promote")),
                ObjectList(Page.settings_panels, heading=_("Settings"), classname="settings"),
                ObjectList([TranslationStatusPanel()], heading=_("Translation")),
            ]
        )


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


def paginate(request, items, per_page):
    """A page of `items`. A `?page=` value that is not a valid number shows the nearest page."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    return paginator.page(number)


def attach_listing_images(pages, field="listing_image"):
    """Load the listing images (and their renditions) of a list of pages of any types in two
    queries, so a listing costs the same number of queries however many items it shows."""
    pages = list(pages)
    ids = {getattr(page, f"{field}_id", None) for page in pages} - {None}
    if not ids:
        return pages
    images = SiteImage.objects.filter(pk__in=ids).prefetch_renditions()
    by_id = {image.pk: image for image in images}
    for page in pages:
        image_id = getattr(page, f"{field}_id", None)
        if image_id in by_id:
            setattr(page, field, by_id[image_id])
    return pages


class IndexPageMixin(models.Model):
    """Listing size for index pages, editable per page."""

    items_per_page = models.PositiveSmallIntegerField(
        _("items per page"), default=12, help_text=_("How many items each page of the listing shows.")
    )

    class Meta:
        abstract = True


class HomePage(BasePage):
    kind_label = _("Home")  # what visitors see in listings and search results
    hero_statement = models.TextField(_("hero statement"), max_length=300)
    hero_image = _image_field(_("hero image"))
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    main_text_fields = ("hero_statement",)
    show_in_related_listings = False
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "wiegosite.StandardPage",
        "programmes.ProgrammeIndexPage",
        "programmes.InitiativeIndexPage",
        "programmes.ImpactIndexPage",
        "publications.PublicationIndexPage",
    ]
    template = "wiegosite/home_page.html"

    search_fields = [*BasePage.search_fields, index.SearchField("hero_statement"), index.SearchField("intro")]

    content_panels = [
        TitleFieldPanel("title"),
        MultiFieldPanel([FieldPanel("hero_statement"), FieldPanel("hero_image")], heading=_("Hero")),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]
    edit_handler = BasePage.edit_tabs(content_panels)

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from programmes.models import ImpactStoryPage, ProgrammePage
        from publications.models import PublicationPage

        context = super().get_context(request, *args, **kwargs)
        # attach_listing_images loads the images and their renditions for each list in two
        # queries, instead of one rendition query per card.
        context["programmes"] = attach_listing_images(ProgrammePage.objects.live().public().order_by("path"))
        context["latest_publications"] = attach_listing_images(
            PublicationPage.objects.live().public().order_by("-display_date", "-pk")[:3]
        )
        context["impact_stories"] = attach_listing_images(
            ImpactStoryPage.objects.live().public().order_by("-display_date", "-pk")[:3]
        )
        return context


class StandardPage(BasePage):
    """Any free page: What We Do, Cooperatives, a conceptual framework."""

    kind_label = _("Page")  # what visitors see in listings and search results

    intro = models.TextField(_("introduction"), blank=True)
    lead_image = _image_field(_("lead image"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    main_text_fields = ("body",)
    parent_page_types = ["wiegosite.HomePage", "wiegosite.StandardPage"]
    subpage_types = ["wiegosite.StandardPage"]
    template = "wiegosite/standard_page.html"

    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]
    edit_handler = BasePage.edit_tabs(content_panels)

    class Meta:
        verbose_name = _("page")


class SocialLinks(models.Model):
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)

    class Meta:
        abstract = True


@register_setting(icon="site")
class SiteSettings(SocialLinks, BaseSiteSetting):
    footer_text = models.TextField(_("footer text"), blank=True)
    newsletter_url = models.URLField(_("newsletter sign-up address"), blank=True)

    base_form_class = LanguageLockedModelForm  # translators edit only their languages

    panels = [
        FieldPanel("footer_text"),
        FieldPanel("newsletter_url"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("facebook_url"), FieldPanel("x_url")]),
                FieldRowPanel([FieldPanel("linkedin_url"), FieldPanel("youtube_url")]),
                FieldPanel("instagram_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
            ("Instagram", self.instagram_url),
        ]
        return [(name, url) for name, url in links if url]


# -- site search (the logic lives in wiegosite/search.py) ------------------------------------


class TsvectorField(SearchVectorField):
    """A `tsvector` column on PostgreSQL; elsewhere a text column that stays empty, so the same
    migrations run on SQLite (which searches the folded text instead)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class SearchEntry(models.Model):
    """What a visitor reading one language can find of one live page: the page's own text in
    that language, or, when the page lacks the language, its English text (`is_fallback`).

    One row per page and language, written by `wiegosite.search.index_page` when the page is
    published and removed when it is unpublished or deleted. Never edited by hand.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="search_entries")
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    is_fallback = models.BooleanField(
        _("English fallback"), default=False, help_text=_("The page lacks this language; its English text is indexed.")
    )
    display_date = models.DateField(_("display date"), null=True)
    title = models.TextField(_("title"))
    text = models.TextField(_("text"), blank=True)
    # Lower-cased, accent-free copies for the SQLite search (plain containment); PostgreSQL
    # searches `search_vector`, built from `title` and `text` with the language's configuration.
    folded_title = models.TextField(blank=True)
    folded_text = models.TextField(blank=True)
    search_vector = TsvectorField(null=True, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="search_entry_one_per_language")]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return f"{self.title} ({self.language})"


class SearchPromotion(models.Model):
    """A page editors put first when visitors of one language search for one query."""

    query = models.CharField(
        _("search query"),
        max_length=200,
        help_text=_("What visitors type. Capitals, accents and extra spaces do not matter."),
    )
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=settings.LANGUAGES,
        help_text=_("The promotion applies to searches made in this language only."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="search_promotions", verbose_name=_("page")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Promotions for the same query show in this order, lowest first.")
    )
    normalised_query = models.CharField(max_length=200, editable=False, db_index=True)

    panels = [FieldPanel("query"), FieldPanel("language"), FieldPanel("page"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["language", "normalised_query", "sort_order", "pk"]
        verbose_name = _("promoted search result")
        verbose_name_plural = _("promoted search results")

    def __str__(self):
        return f"{self.query} ({self.language})"

    def save(self, *args, **kwargs):
        from .search import normalise_query

        self.normalised_query = normalise_query(self.query)
        super().save(*args, **kwargs)
