"""Keep the stored translation status current: every save of a translated object refreshes it."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page

from . import status


def _saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    if isinstance(instance, Page) or sender in _tracked():
        status.refresh(instance, created=created)


def _deleted(sender, instance, **kwargs):
    if sender in _tracked() and not isinstance(instance, Page):
        status.forget(instance)  # pages go with their row (cascade)


_cache = {}


def _tracked():
    if "models" not in _cache:
        _cache["models"] = set(status.tracked_models())
    return _cache["models"]


def connect():
    post_save.connect(_saved, dispatch_uid="translations_status_saved")
    post_delete.connect(_deleted, dispatch_uid="translations_status_deleted")
