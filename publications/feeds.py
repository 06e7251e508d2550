"""RSS 2.0 and Atom feeds of the library, with any filter combination, in the language of the
address (core.feeds)."""

from django.http import Http404

from core.feeds import CANDIDATES, PageFeed, in_language
from publications import filters
from publications.models import PublicationIndexPage


class LibraryFeed(PageFeed):
    def get_object(self, request, *args, **kwargs):
        library = PublicationIndexPage.objects.live().public().first()
        if library is None:
            raise Http404("No library")
        self.query = filters.parse(request.GET)
        return library

    def items(self, obj):
        publications = filters.order(filters.apply(obj.publications(), self.query), self.query)
        candidates = publications.prefetch_related("authors__author")[:CANDIDATES]
        return in_language(candidates)

    def item_categories(self, item):
        return [item.live_series.name] if item.live_series else []


def library_feed(request, fmt):
    # A Feed instance keeps per-request state (format, filters), so each request gets its own.
    return LibraryFeed()(request, fmt=fmt)
