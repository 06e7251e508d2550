from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # modeltranslation's registry is complete here: its app is listed before this one.
        from django.db.models.signals import post_delete, post_save

        from . import signal_handlers

        for model in signal_handlers.saved_senders():
            post_save.connect(
                signal_handlers.status_saved, sender=model, dispatch_uid=signal_handlers.dispatch_uid("saved", model)
            )
        for model in signal_handlers.deleted_senders():
            post_delete.connect(
                signal_handlers.status_deleted,
                sender=model,
                dispatch_uid=signal_handlers.dispatch_uid("deleted", model),
            )
