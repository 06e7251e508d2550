"""Entry keys, and the labels of models that moved app (files exported before a move still import).

These tests name models by what will stay true across the move of `wiegosite`'s models into new
apps: the objects' own models, Wagtail's and Django's."""

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from tests.factories import RegionFactory, StandardPageFactory
from translations.exchange import keys
from translations.exchange.keys import MODEL_ALIASES, entry_key, parse_key, resolve_model

pytestmark = pytest.mark.django_db


def test_a_key_names_the_model_the_object_and_the_text(home):
    page = StandardPageFactory(parent=home, name="Vendors")
    key = parse_key(entry_key(page, "body.p1.text"))
    assert (key.model, key.pk, key.unit) == (type(page), page.pk, "body.p1.text")
    assert keys.object_part(entry_key(page, "title")) == keys.object_prefix(page) == f"{key.label}:{page.pk}"
    assert parse_key("whatever") is None
    assert parse_key("Wiegosite.StandardPage:1:title") is None  # labels are lower case
    assert parse_key("nowhere.nothing:1:title").model is None


def test_an_alias_is_used_only_when_the_old_label_is_no_installed_model():
    aliases = {"retired.vendorpage": "wagtailcore.page", "auth.user": "wagtailcore.page", "retired.gone": "no.model"}
    assert resolve_model("retired.vendorpage", aliases) is Page
    assert resolve_model("auth.user", aliases) is get_user_model()  # still installed: the alias is not used
    assert resolve_model("retired.gone", aliases) is None  # the new label must be installed too
    assert resolve_model("retired.unknown", aliases) is None
    assert parse_key("retired.vendorpage:3:title", aliases).model is Page


def test_every_alias_names_an_installed_model_under_its_old_or_new_label():
    for old, new in MODEL_ALIASES.items():
        model = resolve_model(old)
        assert model is not None, old
        assert model._meta.label_lower in (old, new)


def test_old_style_keys_of_existing_objects_still_resolve(home):
    page = StandardPageFactory(parent=home, name="Vendors")
    region = RegionFactory(key="africa")
    image = wagtail_factories.ImageFactory()
    settings_model = resolve_model("wiegosite.sitesettings")
    settings = settings_model.for_site(Site.objects.get(is_default_site=True))
    for label, obj in [
        ("wiegosite.homepage", home),
        ("standard_pages.standardpage", page),
        ("wiegosite.region", region),
        ("wiegosite.siteimage", image),
        ("wiegosite.sitesettings", settings),
    ]:
        key = parse_key(f"{label}:{obj.pk}:title")
        assert key.model is type(obj), label
        assert key.model.objects.filter(pk=key.pk).exists()
