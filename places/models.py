"""Places the organisation works in: world regions and focal cities, and the region and city
tags every page can carry."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core import countries
from core.blocks import BodyBlock
from core.forms import TranslatedModelForm
from core.listings import attach_listing_images
from core.models import BasePage, IndexPageMixin, image_field
from core.tagged_listing import TaggedListingMixin


@register_snippet
class Region(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """A world region pages can be tagged with. The key is stable and language-neutral.

    A change is a draft (a revision) until it is published, like a page: translators submit theirs
    to the review workflow. The row holds the live version, so public code reads the row and lists
    only live regions (`live_regions`).
    """

    name = models.CharField(_("name"), max_length=100)
    key = models.SlugField(
        _("key"), max_length=50, unique=True, help_text=_("Stable identifier used in addresses and filters.")
    )

    panels = [FieldPanel("name"), FieldPanel("key")]
    base_form_class = TranslatedModelForm
    search_fields = [index.SearchField("name")]

    class Meta:
        ordering = ["key"]
        db_table = "wiegosite_region"  # the table of the app this model lived in before places
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name


def live_regions():
    """The regions visitors see: published ones (a region created as a draft is not shown)."""
    return Region.objects.filter(live=True)


class PageRegion(Orderable):
    """A region tag. Keyed on the base page so one query finds every tagged page of any type."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="region_tags")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("region"))

    panels = [FieldPanel("region")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "region")]
        db_table = "wiegosite_pageregion"
        verbose_name = _("region")


class CityIndexPage(BasePage):
    """The focal cities section: lists every city."""

    type_label = _("Focal cities")  # what visitors see in listings and search results

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    main_text_fields = ()
    max_count = 1
    # No parent_page_types: placed under the page type that lists it (the home page).
    subpage_types = ["places.CityPage"]
    template = "places/city_index_page.html"
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        verbose_name = _("focal city index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cities = CityPage.objects.child_of(self).live().public().order_by("path")
        context["cities"] = attach_listing_images(cities)
        return context


class CityPage(TaggedListingMixin, IndexPageMixin, BasePage):
    """A focal city: an introduction, the local coordinator, then everything tagged with it. It
    belongs to a region and a country (an ISO 3166 code, named by core.countries)."""

    type_label = _("Focal city")
    show_date_on_cards = False
    tagged_taxonomy = "cities"

    key = models.SlugField(
        _("key"), max_length=50, unique=True, help_text=_("Stable identifier, the same in every language (e.g. accra).")
    )
    intro = models.TextField(_("introduction"))
    lead_image = image_field(_("lead image"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("region")
    )
    country = countries.country_field()
    coordinator_name = models.CharField(
        _("local coordinator's name"), max_length=120, blank=True, help_text=_("As the coordinator writes it.")
    )
    coordinator_role = models.CharField(_("local coordinator's role"), max_length=200, blank=True)

    main_text_fields = ("intro",)
    parent_page_types = ["places.CityIndexPage"]
    subpage_types = []
    template = "places/city_page.html"
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("coordinator_name"),
    ]

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("key"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("region"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("coordinator_name"), FieldPanel("coordinator_role")], heading=_("Local coordinator")),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        FieldPanel("items_per_page"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        verbose_name = _("focal city")

    def country_name(self):
        return countries.name(self.country)

    def live_region(self):
        return self.region if self.region is not None and self.region.live else None


class PageCity(Orderable):
    """A focal-city tag ("City/cities:"), keyed on the base page like the other tags."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="city_tags")
    city = models.ForeignKey(CityPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("focal city"))

    panels = [FieldPanel("city")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "city")]
        verbose_name = _("focal city")
