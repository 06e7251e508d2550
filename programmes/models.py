"""Programmes, initiatives and impact stories, and the programme tag every page can carry."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Value, When
from django.http import HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BodyBlock
from core.listings import attach_listing_images, paginate
from core.models import BasePage, IndexPageMixin, image_field
from core.tagged_listing import TaggedListingMixin

YEAR_VALIDATORS = [MinValueValidator(1950), MaxValueValidator(2100)]


class PageProgramme(Orderable):
    """A programme tag ("Programme(s):"), keyed on the base page so that everything related to a
    programme, of every page type, comes from one query."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="programme_tags")
    programme = models.ForeignKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="tagged_pages", verbose_name=_("programme")
    )

    panels = [FieldPanel("programme")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "programme")]
        verbose_name = _("programme")


def _standard_content_panels(*extra):
    return [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        *extra,
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]


class ContentFields(models.Model):
    intro = models.TextField(_("introduction"), blank=True)
    lead_image = image_field(_("lead image"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    class Meta:
        abstract = True


class ChildListingMixin:
    """Index pages list their live children, newest first, paginated."""

    child_model = None

    def listing_queryset(self):
        return self.child_model.objects.child_of(self).live().public().order_by("-display_date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = paginate(request, self.listing_queryset(), self.items_per_page)
        items.object_list = attach_listing_images(items.object_list)
        context["items"] = items
        return context


class ProgrammeIndexPage(IndexPageMixin, ContentFields, BasePage):
    type_label = _("Programmes")  # what visitors see in listings and search results
    main_text_fields = ()
    max_count = 1
    # No parent_page_types: placed under the page type that lists it (the home page).
    subpage_types = ["programmes.ProgrammePage"]
    template = "programmes/programme_index_page.html"
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = _standard_content_panels(FieldPanel("items_per_page"))

    class Meta:
        verbose_name = _("programme index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = attach_listing_images(ProgrammePage.objects.child_of(self).live().public())
        return context


class ProgrammePage(TaggedListingMixin, IndexPageMixin, ContentFields, BasePage):
    """One of the core programmes. Lists everything tagged with it, newest first."""

    main_text_fields = ("intro",)
    show_date_on_cards = False  # a programme runs on; the date it was last edited means nothing
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []
    template = "programmes/programme_page.html"
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    tagged_taxonomy = "programmes"  # lists everything tagged with it (core.tagged_listing)
    tagged_feed_name = "programme_feed"

    content_panels = _standard_content_panels(FieldPanel("items_per_page"))

    class Meta:
        verbose_name = _("programme")

    def serve(self, request, *args, **kwargs):
        # The filter was `?kind=` before it was `?type=`: bookmarks and shared links land on the
        # same filtered listing at its current address.
        if "kind" in request.GET:
            query = request.GET.copy()
            old = query.pop("kind")
            query.setdefault("type", old[-1] if old else "")
            return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")
        return super().serve(request, *args, **kwargs)

    def related_pages(self):
        """Every live page tagged with this programme, any type, newest first by display date."""
        return self.everything_tagged()


class InitiativeIndexPage(ChildListingMixin, IndexPageMixin, ContentFields, BasePage):
    type_label = _("Initiatives")  # what visitors see in listings and search results
    main_text_fields = ()
    max_count = 1
    # No parent_page_types: placed under the page type that lists it (the home page).
    subpage_types = ["programmes.InitiativePage"]
    template = "programmes/initiative_index_page.html"
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = _standard_content_panels(FieldPanel("items_per_page"))

    class Meta:
        verbose_name = _("initiative index page")

    @property
    def child_model(self):
        return InitiativePage

    def listing_queryset(self):
        # Grouped by type (InitiativePage.GROUPS order), newest first within each group, so
        # that a page of the listing splits into at most two runs, one under each heading.
        order = Case(
            *[When(initiative_type=value, then=Value(n)) for n, (value, _label) in enumerate(InitiativePage.GROUPS)],
            default=Value(len(InitiativePage.GROUPS)),
            output_field=models.IntegerField(),
        )
        return super().listing_queryset().order_by(order, "-display_date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = [
            {"heading": heading, "items": members}
            for value, heading in InitiativePage.GROUPS
            if (members := [item for item in context["items"] if item.initiative_type == value])
        ]
        return context


class InitiativePage(ContentFields, BasePage):
    """A special initiative or a global project."""

    related_listing_type, related_listing_label, related_listing_order = "initiative", _("Initiatives"), 3

    SPECIAL_INITIATIVE = "special-initiative"
    GLOBAL_PROJECT = "global-project"
    TYPE_CHOICES = [(SPECIAL_INITIATIVE, _("Special initiative")), (GLOBAL_PROJECT, _("Global project"))]
    # The index lists each type under its own heading, in this order.
    GROUPS = [(GLOBAL_PROJECT, _("Global projects")), (SPECIAL_INITIATIVE, _("Special initiatives"))]

    initiative_type = models.CharField(
        _("type of initiative"), max_length=32, choices=TYPE_CHOICES, default=SPECIAL_INITIATIVE
    )
    start_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("last year"), null=True, blank=True, validators=YEAR_VALIDATORS, help_text=_("Leave empty while it runs.")
    )
    partners = models.TextField(_("partners"), blank=True, help_text=_("One partner per line."))

    main_text_fields = ("intro",)
    parent_page_types = ["programmes.InitiativeIndexPage"]
    subpage_types = []
    template = "programmes/initiative_page.html"
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("partners"),
    ]

    content_panels = _standard_content_panels(
        MultiFieldPanel(
            [
                FieldPanel("initiative_type"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("partners"),
            ],
            heading=_("About the initiative"),
        )
    )

    class Meta:
        verbose_name = _("initiative")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot be before the first year.")})

    def partner_list(self):
        return [line.strip() for line in (self.partners or "").splitlines() if line.strip()]


class ImpactIndexPage(ChildListingMixin, IndexPageMixin, ContentFields, BasePage):
    type_label = _("Impact")  # what visitors see in listings and search results
    main_text_fields = ()
    max_count = 1
    # No parent_page_types: placed under the page type that lists it (the home page).
    subpage_types = ["programmes.ImpactStoryPage"]
    template = "programmes/impact_index_page.html"
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = _standard_content_panels(FieldPanel("items_per_page"))

    class Meta:
        verbose_name = _("impact index page")

    @property
    def child_model(self):
        return ImpactStoryPage


class ImpactStoryPage(ContentFields, BasePage):
    """A story of change: what changed, where, when, for whom, for how many."""

    related_listing_type, related_listing_label, related_listing_order = "impact-story", _("Impact stories"), 2
    open_graph_type = "article"  # a dated piece of writing

    outcome_headline = models.CharField(
        _("outcome headline"),
        max_length=200,
        help_text=_("What changed, e.g. Marginalized workers gain healthcare access."),
    )
    place = models.CharField(_("place"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    worker_group = models.CharField(_("worker group"), max_length=200, blank=True)
    people_reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)

    main_text_fields = ("outcome_headline",)
    parent_page_types = ["programmes.ImpactIndexPage"]
    subpage_types = []
    template = "programmes/impact_story_page.html"
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("outcome_headline"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.SearchField("country"),
        index.SearchField("worker_group"),
    ]

    content_panels = _standard_content_panels(
        MultiFieldPanel(
            [
                FieldPanel("outcome_headline"),
                FieldRowPanel([FieldPanel("place"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("year"), FieldPanel("people_reached")]),
                FieldPanel("worker_group"),
            ],
            heading=_("The outcome"),
        )
    )

    class Meta:
        verbose_name = _("impact story")
