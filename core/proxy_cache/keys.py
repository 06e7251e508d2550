"""Cache keys: what a response shows, noted while it is built and sent in its `xkey` header.

Keys (a change purges by them, core.proxy_cache.purge):
    page-<id>        a page: the page's own addresses (every language, old ones too) and cards of it
    in-<path>        every page below the page at tree path <path> (their breadcrumbs show it; a move or
                     rename changes their addresses). Paths, not ids, so serving a page costs no query.
    listing:<label>  a listing of pages of type <label> (app_label.model); `listing:all` for listings
                     of every type, and every response that is not a page (feeds, sitemaps, search)
    image-<id>       a picture of image <id>
    site             the navigation, footer and site settings on every page

Collection runs per request in a context variable that CacheHeadersMiddleware opens; code
outside a request adds to nothing.
"""

import contextlib
import contextvars
from datetime import datetime

from django.utils import timezone

SITE = "site"
ALL_LISTINGS = "listing:all"

_collected = contextvars.ContextVar("proxy_cache_keys", default=None)


class Collected:
    def __init__(self):
        self.keys = set()
        self.expires_at = None
        self.page_served = False

    def header(self):
        return " ".join(sorted(self.keys))


@contextlib.contextmanager
def collecting():
    collected = Collected()
    token = _collected.set(collected)
    try:
        yield collected
    finally:
        _collected.reset(token)


def add(*keys):
    collected = _collected.get()
    if collected is not None:
        collected.keys.update(keys)


def page_key(page_id):
    return f"page-{page_id}"


def below_key(path):
    return f"in-{path}"


def image_key(image_id):
    return f"image-{image_id}"


def listing_key(model):
    """The key of listings of `model`'s pages; a listing of plain `Page` rows (every type) is all."""
    from wagtail.models import Page

    if model is None or model is Page or not issubclass(model, Page):
        return ALL_LISTINGS
    return f"listing:{model._meta.label_lower}"


def page_served(page):
    """Wagtail's `before_serve_page`: the page, its ancestors (breadcrumbs) and the site's chrome."""
    collected = _collected.get()
    if collected is None:
        return
    collected.page_served = True
    # Ancestors below the root (whose path is one step long).
    ancestors = [page.path[:length] for length in range(page.steplen * 2, len(page.path), page.steplen)]
    collected.keys.update({page_key(page.pk), SITE, *(below_key(path) for path in ancestors)})
    expires = getattr(page, "cache_expires_at", None)  # Wagtail serves the specific page
    if callable(expires):
        expire_at(expires())


def pages_listed(pages, model=None):
    """A listing: its type's key and each listed page's key."""
    add(listing_key(model))
    add(*(page_key(page.pk) for page in pages if getattr(page, "pk", None)))


def expire_at(moment: datetime | None):
    """Ask shared caches to drop the response by `moment` (an event that ends, a deadline)."""
    collected = _collected.get()
    if collected is None or moment is None:
        return
    if collected.expires_at is None or moment < collected.expires_at:
        collected.expires_at = moment


def seconds_left(collected):
    if collected.expires_at is None:
        return None
    return max(0, int((collected.expires_at - timezone.now()).total_seconds()))
