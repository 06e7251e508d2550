from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Library")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from wiegosite.models import Region

        from .filters import library_changed
        from .models import PublicationSeries

        # Cached library counts follow every change that can alter them.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(library_changed, dispatch_uid=f"library-changed-{signal}")
        post_delete.connect(library_changed, sender=Page, dispatch_uid="library-changed-page-delete")
        for model in (PublicationSeries, Region):
            post_save.connect(library_changed, sender=model, dispatch_uid=f"library-changed-save-{model.__name__}")
            post_delete.connect(library_changed, sender=model, dispatch_uid=f"library-changed-delete-{model.__name__}")
