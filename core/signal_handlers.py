"""Signal receivers of core: the site's search index follows publishing; documents get their
file's hash and size when saved (core.document_serving); the reverse-proxy cache is purged of
what a change shows (core.proxy_cache.changes).

Every receiver is connected with an explicit sender (each concrete page type, the image model,
site settings) in CoreConfig.ready, except the snippets' one: some snippets are registered from
wagtail_hooks modules, which Wagtail loads after the apps are ready, so it checks the sender.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from core.document_serving import fill_file_metadata
from core.models import SiteSettings, concrete_page_types
from core.proxy_cache import changes as cache_changes
from core.search_index import index_page, remove_page

logger = logging.getLogger("core.search_index")
cache_logger = logging.getLogger("core.proxy_cache")


# Only publishing changes what visitors read: saving a draft must not touch the index (the
# instance saved by `save_revision` carries draft text), so there is no post_save handler.
# Deleting a page deletes its entries through the foreign key (CASCADE).


def _keep_index_current(action, page):
    # Like Wagtail's own search index: a failure here is logged and must not stop an editor
    # from publishing; `rebuild_search_index` repairs the index. The savepoint keeps the
    # publish's transaction usable after a database error.
    try:
        with transaction.atomic():
            action(page)
    except Exception:
        logger.exception("Could not update the search index for page %s", page.pk)


def _on_page_published(sender, instance, **kwargs):
    _keep_index_current(index_page, instance)


def _on_page_unpublished(sender, instance, **kwargs):
    _keep_index_current(remove_page, instance)


def _on_page_moved(sender, instance, **kwargs):
    # Entries hold no address (results link through the page at query time), so a move needs
    # no work for the page's descendants. The moved page itself is re-read from the database,
    # which costs three queries and leaves its entries matching its live row.
    _keep_index_current(index_page, instance)


def _on_document_saving(sender, instance, **kwargs):
    # Wagtail's upload form sets the hash; documents made in code (demo, scripts) would have none.
    fill_file_metadata(instance)


def _keep_cache_current(change, *args):
    # Finding what to purge must never stop a publish or a save (the savepoint keeps the
    # transaction usable after a database error); the purge itself runs after the commit.
    try:
        with transaction.atomic():
            change(*args)
    except Exception:
        cache_logger.exception("Could not work out what to purge for %r", args)


def _purge_page(sender, instance, **kwargs):
    # Published (a rename too), unpublished (deleting a live page unpublishes it first), and
    # moved: before the move (its old addresses and the old parent's listing) and after.
    _keep_cache_current(cache_changes.page_changed, instance)


def _purge_image(sender, instance, **kwargs):
    _keep_cache_current(cache_changes.image_changed, instance)


def _purge_site_settings(sender, instance, **kwargs):
    _keep_cache_current(cache_changes.site_settings_changed)


def _purge_snippet(sender, instance, raw=False, **kwargs):
    if raw:  # loading fixtures
        return
    from wagtail.snippets.models import get_snippet_models

    if sender in get_snippet_models():
        _keep_cache_current(cache_changes.snippet_changed, instance)


def connect():
    pre_save.connect(_on_document_saving, sender=get_document_model(), dispatch_uid="document-file-metadata")
    for model in concrete_page_types():
        label = model._meta.label_lower
        page_published.connect(_on_page_published, sender=model, dispatch_uid=f"search-index-published-{label}")
        page_unpublished.connect(_on_page_unpublished, sender=model, dispatch_uid=f"search-index-unpublished-{label}")
        post_page_move.connect(_on_page_moved, sender=model, dispatch_uid=f"search-index-moved-{label}")
        for signal, name in ((page_published, "published"), (page_unpublished, "unpublished")):
            signal.connect(_purge_page, sender=model, dispatch_uid=f"proxy-cache-{name}-{label}")
        for signal, name in ((pre_page_move, "before-move"), (post_page_move, "moved")):
            signal.connect(_purge_page, sender=model, dispatch_uid=f"proxy-cache-{name}-{label}")
    image_model = get_image_model()
    post_save.connect(_purge_image, sender=image_model, dispatch_uid="proxy-cache-image-saved")
    post_delete.connect(_purge_image, sender=image_model, dispatch_uid="proxy-cache-image-deleted")
    post_save.connect(_purge_site_settings, sender=SiteSettings, dispatch_uid="proxy-cache-site-settings")
    post_save.connect(_purge_snippet, dispatch_uid="proxy-cache-snippet-saved")
    pre_delete.connect(_purge_snippet, dispatch_uid="proxy-cache-snippet-deleted")
