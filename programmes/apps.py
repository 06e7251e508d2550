from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from core import tagging

        # The programme tag ("Programme(s):"), PageProgramme, on every page type.
        tagging.register(
            tagging.Taxonomy(
                key="programmes",
                relation="programme_tags",
                target="programme",
                heading=_("Programme(s):"),
                panel_label=_("Programmes"),
                panel_heading=_("Programme(s)"),
                order=10,
            )
        )
