"""The home page: the site root, showing the programmes, the latest publications and stories."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock
from core.listings import attach_listing_images
from core.models import BasePage, image_field
from news.models import NewsArticlePage
from programmes.models import ImpactStoryPage, ProgrammePage
from publications.models import PublicationPage


class HomePage(BasePage):
    type_label = _("Home")  # what visitors see in listings and search results
    hero_statement = models.TextField(_("hero statement"), max_length=300)
    hero_image = image_field(_("hero image"))
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    main_text_fields = ("hero_statement",)
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "standard_pages.StandardPage",
        "programmes.ProgrammeIndexPage",
        "programmes.InitiativeIndexPage",
        "programmes.ImpactIndexPage",
        "publications.PublicationIndexPage",
        "contact.ContactPage",
        "news.NewsIndexPage",
        "news.BlogIndexPage",
        "people.PeopleIndexPage",
        "events.EventIndexPage",
        "worker_groups.WorkerGroupIndexPage",
        "places.CityIndexPage",
    ]
    template = "home/home_page.html"

    search_fields = [*BasePage.search_fields, index.SearchField("hero_statement"), index.SearchField("intro")]

    content_panels = [
        TitleFieldPanel("title"),
        MultiFieldPanel([FieldPanel("hero_statement"), FieldPanel("hero_image")], heading=_("Hero")),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        db_table = "wiegosite_homepage"  # the table of the app this model lived in before home
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
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
        context["latest_news"] = attach_listing_images(
            NewsArticlePage.objects.live().public().order_by("-display_date", "-pk")[:3]
        )
        return context
