"""Worker groups (domestic workers, home-based workers, street vendors and market traders, waste
pickers, and the others editors add): a page per group, and the worker-group tag every page can
carry (`PageWorkerGroup`, registered with core.tagging in `apps.py`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BodyBlock
from core.listings import attach_listing_images
from core.models import BasePage, IndexPageMixin, image_field
from core.tagged_listing import TaggedListingMixin
from worker_groups.blocks import KeyFiguresBlock, OrganisationsBlock


class WorkerGroupIndexPage(BasePage):
    """The worker groups section: lists every group."""

    type_label = _("Worker groups")  # what visitors see in listings and search results
    in_header_navigation = True  # reachable from every page's header, however menus are edited

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    main_text_fields = ()
    max_count = 1
    # No parent_page_types: placed under the page type that lists it (the home page).
    subpage_types = ["worker_groups.WorkerGroupPage"]
    template = "worker_groups/worker_group_index_page.html"
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        verbose_name = _("worker group index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = WorkerGroupPage.objects.child_of(self).live().public().order_by("path")
        context["groups"] = attach_listing_images(groups)
        return context


class WorkerGroupPage(TaggedListingMixin, IndexPageMixin, BasePage):
    """One worker group: who they are and where, the risks they face, key figures with their
    source, who represents them, featured resources, then everything tagged with the group."""

    type_label = _("Worker group")
    show_date_on_cards = False  # a group is not a dated piece of writing
    tagged_taxonomy = "worker_groups"

    key = models.SlugField(
        _("key"),
        max_length=50,
        unique=True,
        help_text=_("Stable identifier used in filters, the same in every language (e.g. waste-pickers)."),
    )
    intro = models.TextField(_("definition"), help_text=_("Who counts as a worker of this group, in a few sentences."))
    lead_image = image_field(_("lead image"))
    who_and_where = StreamField(BodyBlock(), blank=True, verbose_name=_("who they are and where"))
    risks = StreamField(BodyBlock(), blank=True, verbose_name=_("risks they face"))
    key_figures = StreamField(KeyFiguresBlock(), blank=True, verbose_name=_("key figures"))
    organisations = StreamField(
        OrganisationsBlock(),
        blank=True,
        verbose_name=_("organisations and networks"),
        help_text=_("The organisations and networks that represent them."),
    )

    main_text_fields = ("intro",)
    card_text_fields = ("teaser", "intro")
    parent_page_types = ["worker_groups.WorkerGroupIndexPage"]
    subpage_types = []
    template = "worker_groups/worker_group_page.html"
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("who_and_where"),
        index.SearchField("risks"),
        index.SearchField("key_figures"),
        index.SearchField("organisations"),
    ]

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("key"),
        FieldPanel("intro"),
        FieldPanel("lead_image"),
        FieldPanel("who_and_where"),
        FieldPanel("risks"),
        FieldPanel("key_figures"),
        FieldPanel("organisations"),
        InlinePanel("featured_resources", label=_("Featured resource"), heading=_("Featured resources")),
        FieldPanel("items_per_page"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        verbose_name = _("worker group")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = [row.resource for row in self.featured_resources.all()]
        live = [page for page in resources if page.live]
        context["featured"] = attach_listing_images(page.specific for page in live)
        return context


class FeaturedResource(Orderable):
    """A page an editor puts forward on a worker group's page (a publication, a story, ...)."""

    group = ParentalKey(WorkerGroupPage, on_delete=models.CASCADE, related_name="featured_resources")
    resource = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("resource")
    )

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured resource")


class PageWorkerGroup(Orderable):
    """A worker-group tag ("Worker group(s):"), keyed on the base page so that everything tagged
    with a group, of every page type, comes from one query."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="worker_group_tags")
    worker_group = models.ForeignKey(
        WorkerGroupPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("worker group")
    )

    panels = [FieldPanel("worker_group")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "worker_group")]
        verbose_name = _("worker group")
