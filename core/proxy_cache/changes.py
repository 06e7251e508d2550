"""What a change purges: the keys (core.proxy_cache.keys) of everything that shows the changed
object. Called by core's signal receivers, inside the change's transaction (they read the tree
as it is then); the purge itself waits for the commit (purge.purge_later)."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from . import keys
from .purge import purge_later


def page_keys(page):
    """A page's addresses in every language (its old ones were cached under the same key), the
    pages below it, the listings of its type and of every type, and the navigation when it is in
    the menu."""
    found = {
        keys.page_key(page.pk),
        keys.below_key(page.path),
        keys.listing_key(page.specific_class),
        keys.ALL_LISTINGS,
    }
    if page.show_in_menus or page.depth <= 2:  # the menu, or the site root (every page's chrome)
        found.add(keys.SITE)
    return found


def page_changed(page):
    purge_later(page_keys(page))


def image_changed(image):
    purge_later({keys.image_key(image.pk)} | _pages_referring_to(image))


def snippet_changed(snippet):
    # Listings show snippets too (the library's series and authors, search promotions).
    purge_later({keys.ALL_LISTINGS} | _pages_referring_to(snippet))


def site_settings_changed():
    purge_later({keys.SITE})


def _pages_referring_to(instance):
    """The keys of the pages that use `instance` (Wagtail's reference index: foreign keys, inline
    panels and StreamField blocks)."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(instance).filter(base_content_type=page_type)
    return {keys.page_key(object_id) for object_id in references.values_list("object_id", flat=True)}
