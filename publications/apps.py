from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Library")

    def ready(self):
        from core import authorship
        from publications import signal_handlers
        from publications.models import PublicationPage

        signal_handlers.connect()
        # A person's page lists the publications they wrote (people cannot import this app).
        authorship.register(
            authorship.Writings(
                key="publications",
                heading=_("Publications"),
                pages=lambda person: (
                    PublicationPage.objects.live()
                    .public()
                    .filter(authors__author=person)
                    .order_by("-display_date", "-pk")
                ),
                order=10,
            )
        )
