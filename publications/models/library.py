"""The library page: every publication, filterable, paginated, with feeds."""

from django.db import models
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core import query_strings
from core.blocks import BodyBlock
from core.feeds import feed_links
from core.listings import attach_listing_images, paginate
from core.models import BasePage, IndexPageMixin
from publications import filters
from publications.models.publication import PublicationPage


class PublicationIndexPage(IndexPageMixin, BasePage):
    """The library."""

    type_label = _("Library")  # what visitors see in listings and search results

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    max_count = 1
    # No parent_page_types: placed under the page type that lists it (the home page).
    subpage_types = ["publications.PublicationPage"]
    template = "publications/publication_index_page.html"
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("items_per_page"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        verbose_name = _("library page")

    def publications(self):
        return (
            PublicationPage.objects.child_of(self)
            .live()
            .public()
            .select_related("series", "listing_image", "cover_image")
            .order_by("-display_date", "-pk")
        )

    def serve(self, request, *args, **kwargs):
        # The filter form (no JavaScript needed) submits every field, empty or not: send the
        # visitor to the same listing at its clean address, so that links, bookmarks and
        # search engines see one address per choice of filters.
        clean = filters.clean_query_string(request.GET)
        if clean is not None:
            return HttpResponseRedirect(f"{request.path}?{clean}" if clean else request.path)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = filters.parse(request.GET)
        if "q" in request.GET:
            # Links on the page (pagination, language switcher, feeds) carry the text as
            # searched, cleaned and shortened, never what was typed.
            request.GET = query_strings.with_value(request.GET, "q", query.q)
        publications = self.publications()
        items = paginate(request, filters.order(filters.apply(publications, query), query), self.items_per_page)
        items.object_list = attach_listing_images(items.object_list)
        context.update(
            items=items,
            query=query,
            facets=filters.facets(publications, query),
            sorts=filters.SORTS.items(),
            # One filter gives a page worth indexing; combinations would flood search engines.
            noindex=query.active_count > 1,
            feeds=feed_links("library_feed", filters.feed_query_string(request.GET), label=self.title),
        )
        return context
