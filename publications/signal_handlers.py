"""Signal receivers of the library: cached filter counts follow every change that can alter them.

Connected in PublicationsConfig.ready, each with an explicit sender: every page type (publishing,
unpublishing, moving, deleting a page can change the library's counts) and the series and regions
the filters count by.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.models import concrete_page_types
from places.models import Region
from publications.filters import library_changed
from publications.models import PublicationSeries


def connect():
    for model in concrete_page_types():
        label = model._meta.label_lower
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(library_changed, sender=model, dispatch_uid=f"library-changed-{signal}-{label}")
    # Deleting a page deletes a row of wagtailcore.Page (and of its type's table).
    post_delete.connect(library_changed, sender=Page, dispatch_uid="library-changed-page-delete")
    for model in (PublicationSeries, Region):
        label = model._meta.label_lower
        post_save.connect(library_changed, sender=model, dispatch_uid=f"library-changed-save-{label}")
        post_delete.connect(library_changed, sender=model, dispatch_uid=f"library-changed-delete-{label}")
