"""What the site's RSS 2.0 and Atom feeds share: a page's items in the language of the address.

A feed only carries pages written in its language (DESIGN.md: a page is left out of the feeds of
languages it lacks). Each area's feeds (the library, a programme's related pages) build on PageFeed.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from core import page_languages as languages

FEED_FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
ITEMS = 30
# How many newest candidates to look at to find ITEMS written in the feed's language.
CANDIDATES = 150


def in_language(pages, limit=ITEMS):
    language = translation.get_language()
    return [page for page in pages if languages.page_has_language(page, language)][:limit]


def as_datetime(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


class PageFeed(Feed):
    """Shared item rendering: the page's title, teaser and date in the feed's language."""

    def __call__(self, request, *args, fmt="rss", **kwargs):
        if fmt not in FEED_FORMATS:
            raise Http404("Unknown feed format")
        self.feed_type = FEED_FORMATS[fmt]
        self.request = request
        return super().__call__(request, *args, **kwargs)

    # The feed describes the page it lists (the library, a programme, ...).
    def title(self, obj):
        return _("%(site)s: %(page)s") % {"site": "WIEGO", "page": obj.title}

    def link(self, obj):
        return obj.get_full_url(request=self.request)

    def description(self, obj):
        return obj.intro or obj.title

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "summary", "") or item.teaser

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_guid(self, item):
        return f"{item.get_full_url(request=self.request)}#{item.pk}"

    def item_pubdate(self, item):
        return as_datetime(item.display_date)

    def item_updateddate(self, item):
        return item.last_published_at or as_datetime(item.display_date)

    def item_author_name(self, item):
        authors = getattr(item, "author_list", None)
        return ", ".join(author.name for author in authors()) if authors else None


def feed_links(name, query_string="", label="", **kwargs):
    """The discovery links (<link rel="alternate">) for a feed in the active language."""
    links = []
    for fmt, mime in FEED_TYPES.items():
        url = reverse(name, kwargs={**kwargs, "fmt": fmt})
        if query_string:
            url = f"{url}?{query_string}"
        format_name = "RSS" if fmt == "rss" else "Atom"
        title = f"{label} ({format_name})" if label else format_name
        links.append({"url": url, "type": mime, "title": title, "format_name": format_name, "format": fmt})
    return links
