from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Runs after wagtail_modeltranslation has patched the page classes (it is listed first).
        from modeltranslation.translator import translator
        from wagtail.models import Page

        from core import modeltranslation_overrides, signal_handlers, url_converters

        page_models = [model for model in translator.get_registered_models() if issubclass(model, Page)]
        modeltranslation_overrides.install(page_models)  # also registers its startup check
        signal_handlers.connect()
        url_converters.register()  # <id:pk> in the apps' addresses
