"""Keep the stored translation status current: saving a translated object refreshes its status,
deleting one forgets it.

Every receiver is connected with an explicit sender (`TranslationsConfig.ready`), one per
tracked model, so saving any other model (a user, a collection, a log entry) never reaches this
code. The tracked models are found through modeltranslation's registry: every page model
(`wagtailcore.Page` included: moves and copies save plain `Page` objects) and every translated
snippet, image and settings model (`status.tracked_models`).
"""

from django.db.models import Model
from modeltranslation.translator import translator
from wagtail.models import Page

from . import status


def status_saved(sender: type[Model], instance: Model, created: bool = False, raw: bool = False, **kwargs) -> None:
    if raw:  # loading fixtures: related rows may not exist yet
        return
    status.refresh(instance, created=created)


def status_deleted(sender: type[Model], instance: Model, **kwargs) -> None:
    status.forget(instance)


def saved_senders() -> list[type[Model]]:
    """The models whose saves refresh the status: every page model and the other tracked models."""
    page_models = [model for model in translator.get_registered_models() if issubclass(model, Page)]
    others = [model for model in status.tracked_models() if not issubclass(model, Page)]
    return [*page_models, *others]


def deleted_senders() -> list[type[Model]]:
    """The models whose deletion forgets the status (a page's status goes with its row: cascade)."""
    return [model for model in status.tracked_models() if not issubclass(model, Page)]


def dispatch_uid(action: str, model: type[Model]) -> str:
    return f"translations-status-{action}-{model._meta.label_lower}"
