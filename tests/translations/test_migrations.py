"""Migrations of the translation tools that must keep stored data."""

from django.db import migrations
from django.db.migrations.loader import MigrationLoader


def operations(name):
    loader = MigrationLoader(None, ignore_no_migrations=True)  # reads the files; no database
    return loader.get_migration("translations", name).operations


def test_kind_is_renamed_to_object_type_keeping_its_values():
    ops = operations("0004_translatedobject_object_type")
    renames = [op for op in ops if isinstance(op, migrations.RenameField)]
    assert [(op.model_name, op.old_name, op.new_name) for op in renames] == [
        ("translatedobject", "kind", "object_type")
    ]
    assert not any(isinstance(op, migrations.RemoveField | migrations.AddField | migrations.RunPython) for op in ops)
