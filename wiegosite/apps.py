from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WiegositeConfig(AppConfig):
    name = "wiegosite"
    verbose_name = _("Site")

    def ready(self):
        # Runs after wagtail_modeltranslation has patched the page classes (it is listed first).
        from modeltranslation.translator import translator
        from wagtail.models import Page

        from . import routing
        from .languages import keep_base_columns_in_english
        from .search import connect_signals

        page_models = [model for model in translator.get_registered_models() if issubclass(model, Page)]
        keep_base_columns_in_english(page_models)
        routing.install(page_models)  # indexed slug lookups instead of scanning siblings
        connect_signals()  # the site search index follows publishing
