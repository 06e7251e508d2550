from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "places"
    verbose_name = _("Places")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import tagging

        # The region tag ("Region(s):"), PageRegion, on every page type.
        tagging.register(
            tagging.Taxonomy(
                key="regions",
                relation="region_tags",
                target="region",
                heading=_("Region(s):"),
                panel_label=_("Regions"),
                panel_heading=_("Region(s)"),
                order=20,
            )
        )
        # The focal-city tag ("City/cities:"), PageCity, on every page type.
        tagging.register(
            tagging.Taxonomy(
                key="cities",
                relation="city_tags",
                target="city",
                heading=_("Focal city/cities:"),
                panel_label=_("Focal cities"),
                panel_heading=_("Focal city/cities"),
                order=25,
            )
        )
