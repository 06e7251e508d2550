"""Known traps of wagtail-modeltranslation, covered."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from modeltranslation.translator import translator
from wagtail.models import Page

from core.models import concrete_page_types


def test_every_page_class_is_registered_for_translation():
    """An unregistered Page subclass cannot be saved once Page itself is translated."""
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    registered = set(translator.get_registered_models())
    assert set(page_models) <= registered
    assert set(concrete_page_types()) <= registered


@pytest.mark.django_db
def test_test_database_has_every_language_column():
    with connection.cursor() as cursor:
        columns = {column.name for column in connection.introspection.get_table_description(cursor, "wagtailcore_page")}
    for field in ("title", "slug", "url_path", "seo_title", "search_description"):
        for code in ("en", "es", "fr", "pt"):
            assert f"{field}_{code}" in columns


@pytest.mark.django_db
def test_migrations_are_complete(capsys):
    call_command("makemigrations", "--check", "--dry-run", verbosity=1)
    assert "No changes detected" in capsys.readouterr().out


@pytest.mark.django_db
def test_root_page_has_language_paths():
    root = Page.get_first_root_node()
    for code in ("en", "es", "fr", "pt"):
        assert getattr(root, f"url_path_{code}") == "/"
