"""The stored status follows saves and deletions of tracked models only: every receiver is
connected with an explicit sender, so saving anything else never reaches the status code."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.dispatch.dispatcher import NONE_ID
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, get_page_models

from tests.factories import RegionFactory, StandardPageFactory
from translations import signal_handlers, status
from translations.models import TranslatedObject

pytestmark = pytest.mark.django_db

OUR_HANDLERS = {signal_handlers.status_saved, signal_handlers.status_deleted}


def our_live_receivers(signal, sender):
    sync_receivers, async_receivers = signal._live_receivers(sender)
    return [receiver for receiver in (*sync_receivers, *async_receivers) if receiver in OUR_HANDLERS]


@pytest.fixture
def refreshes(monkeypatch):
    """Every object the status code is asked to refresh or forget."""
    calls = []
    refresh, forget = status.refresh, status.forget

    def recording_refresh(obj, created=False):
        calls.append(obj)
        return refresh(obj, created=created)

    def recording_forget(obj):
        calls.append(obj)
        return forget(obj)

    monkeypatch.setattr(status, "refresh", recording_refresh)
    monkeypatch.setattr(status, "forget", recording_forget)
    return calls


def test_saving_untracked_models_does_not_reach_the_status_code(home, refreshes):
    before = list(TranslatedObject.objects.values_list("pk", "updated_at"))
    user = get_user_model().objects.create_user("visitor", password="password")
    user.first_name = "Ana"
    user.save()
    collection = Collection.get_first_root_node().add_child(name="Photos")
    collection.name = "Pictures"
    collection.save()
    collection.delete()
    user.delete()
    assert refreshes == []
    assert list(TranslatedObject.objects.values_list("pk", "updated_at")) == before


@pytest.mark.parametrize("model", [get_user_model(), Collection])
def test_no_receiver_of_ours_listens_to_untracked_models(model):
    assert our_live_receivers(post_save, model) == []
    assert our_live_receivers(post_delete, model) == []


def test_every_receiver_of_ours_has_an_explicit_sender():
    ours = [
        (key, sender_id)
        for signal in (post_save, post_delete)
        for (key, sender_id), _receiver, _is_async in signal.receivers
        if isinstance(key, str) and key.startswith("translations-status-")
    ]
    assert ours  # found by their dispatch uids
    assert not any(sender_id == NONE_ID for _key, sender_id in ours)
    senders = {id(model) for model in signal_handlers.saved_senders() + signal_handlers.deleted_senders()}
    assert {sender_id for _key, sender_id in ours} == senders


def test_tracked_models_are_connected():
    saved = set(signal_handlers.saved_senders())
    assert Page in saved  # moves and copies save plain Page objects
    assert set(get_page_models()) <= saved
    assert {get_image_model(), *status.tracked_models()} <= saved
    for model in saved:
        assert our_live_receivers(post_save, model) == [signal_handlers.status_saved], model
    deleted = set(signal_handlers.deleted_senders())
    assert get_image_model() in deleted and not any(issubclass(model, Page) for model in deleted)
    for model in deleted:
        assert our_live_receivers(post_delete, model) == [signal_handlers.status_deleted], model


def test_saving_and_deleting_tracked_objects_updates_the_status(home, refreshes):
    page = StandardPageFactory(parent=home, name="Vendors")
    region = RegionFactory(key="africa")
    assert TranslatedObject.objects.filter(page=page).exists()
    item = TranslatedObject.objects.get(object_id=region.pk, object_type=TranslatedObject.ObjectType.SNIPPET)
    plain = Page.objects.get(pk=page.pk)  # what a move saves
    plain.save()
    assert any(type(obj) is Page and obj.pk == page.pk for obj in refreshes)
    region.delete()
    assert not TranslatedObject.objects.filter(pk=item.pk).exists()
