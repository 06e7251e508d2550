"""RSS 2.0 and Atom feeds of a news or blog listing, with its filters, in the language of the
address (core.feeds: only posts written in that language)."""

from core import listing_filters
from core.feeds import CANDIDATES, PageFeed, in_language
from news.models import live_index_page


class PostFeed(PageFeed):
    def get_object(self, request, pk, *args, **kwargs):
        listing = live_index_page(pk)
        self.section_filter = listing_filters.SectionFilter()
        self.query = self.section_filter.parse(request.GET)
        return listing

    def items(self, obj):
        posts = self.section_filter.apply(obj.posts(), self.query)
        return in_language(posts.prefetch_related("post_authors__person")[:CANDIDATES])

    def item_description(self, item):
        return item.teaser or item.intro


def post_feed(request, pk, fmt):
    # A Feed instance keeps per-request state (format, filters), so each request gets its own.
    return PostFeed()(request, pk=pk, fmt=fmt)
