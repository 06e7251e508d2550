"""Free pages: What We Do, Cooperatives, a conceptual framework."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage, image_field


class StandardPage(BasePage):
    """Any free page: What We Do, Cooperatives, a conceptual framework."""

    type_label = _("Page")  # what visitors see in listings and search results
    related_listing_type, related_listing_label, related_listing_order = "page", _("Pages"), 4

    intro = models.TextField(_("introduction"), blank=True)
    lead_image = image_field(_("lead image"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    main_text_fields = ("body",)
    # No parent_page_types: a standard page goes wherever a page type lists it in its
    # subpage_types (the home page, another standard page); see BasePage.clean_parent_page_models.
    subpage_types = ["standard_pages.StandardPage"]
    template = "standard_pages/standard_page.html"

    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        db_table = "wiegosite_standardpage"  # the table of the app this model lived in before
        verbose_name = _("page")
