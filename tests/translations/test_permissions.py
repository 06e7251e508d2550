"""Who may translate which language, and edit which object (translations.permissions)."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from wagtail.models import GroupPagePermission, Page

from tests.factories import RegionFactory, StandardPageFactory
from translations import permissions

pytestmark = pytest.mark.django_db


def user_with(django_user_model, name, *codenames):
    user = django_user_model.objects.create_user(name, password="password")
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return django_user_model.objects.get(pk=user.pk)  # fresh permission cache


def test_translatable_languages_never_include_english(django_user_model):
    lead = django_user_model.objects.create_superuser("lead", "lead@example.org", "password")
    editor = user_with(django_user_model, "editor", "translate_all")
    translator = user_with(django_user_model, "ana", "translate_es", "translate_pt")
    nobody = user_with(django_user_model, "nobody")
    assert permissions.translatable_languages(lead) == ["es", "fr", "pt"]
    assert permissions.translatable_languages(editor) == ["es", "fr", "pt"]
    assert permissions.translatable_languages(translator) == ["es", "pt"]
    assert permissions.translatable_languages(nobody) == []
    assert permissions.translatable_languages(AnonymousUser()) == []
    assert permissions.translatable_languages(None) == []
    assert permissions.can_translate(translator, "pt") and not permissions.can_translate(translator, "fr")
    assert not permissions.can_translate(lead, "en")  # English is written, not translated
    assert permissions.can_write(lead, "en")


def test_can_edit_follows_page_and_model_permissions(home, django_user_model):
    page = StandardPageFactory(parent=home, name="Vendors")
    region = RegionFactory(key="africa")
    translator = user_with(django_user_model, "ana", "translate_es")
    assert not permissions.can_edit(translator, page) and not permissions.can_edit(translator, region)
    group = Group.objects.create(name="Page editors")
    GroupPagePermission.objects.create(group=group, page=Page.get_first_root_node(), permission_type="change")
    group.permissions.add(Permission.objects.get(codename="change_region"))
    translator.groups.add(group)
    translator = django_user_model.objects.get(pk=translator.pk)
    assert permissions.can_edit(translator, page) and permissions.can_edit(translator, region)
    page.locked, page.locked_by = True, django_user_model.objects.create_superuser("lead", "l@example.org", "x")
    page.save()
    assert not permissions.can_edit(translator, page)  # locked by someone else
