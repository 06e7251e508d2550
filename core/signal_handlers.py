"""Signal receivers of core: the site's search index follows publishing; documents get their
file's hash and size when saved (core.document_serving).

Every receiver is connected with an explicit sender (each concrete page type) in CoreConfig.ready.
"""

import logging

from django.db import transaction
from django.db.models.signals import pre_save
from wagtail.documents import get_document_model
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.document_serving import fill_file_metadata
from core.models import concrete_page_types
from core.search_index import index_page, remove_page

logger = logging.getLogger("core.search_index")


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


def connect():
    pre_save.connect(_on_document_saving, sender=get_document_model(), dispatch_uid="document-file-metadata")
    for model in concrete_page_types():
        label = model._meta.label_lower
        page_published.connect(_on_page_published, sender=model, dispatch_uid=f"search-index-published-{label}")
        page_unpublished.connect(_on_page_unpublished, sender=model, dispatch_uid=f"search-index-unpublished-{label}")
        post_page_move.connect(_on_page_moved, sender=model, dispatch_uid=f"search-index-moved-{label}")
