"""Giving snippets drafts (Wagtail's DraftStateMixin) when they already have rows.

The `live` column defaults to true, so existing rows stay live; `publish_existing_rows` then gives
each row the revision Wagtail recommends ("publish at least one revision for each instance that
already exists"), so the admin shows it as published, with a history to compare drafts against.
Used by the data migrations of the apps whose snippets gained drafts.
"""

from django.db import migrations
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields


def publish_existing_rows(app_label, model_name, former_app_labels=()):
    """A RunPython operation: a first, published revision for every row of the model that has
    none (reversing it deletes those revisions).

    `former_app_labels`: apps the model lived in before, whose ContentType row may not have been
    renamed yet when this runs (the revisions then follow that row when it is renamed)."""

    def content_type_of(apps):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for label in (app_label, *former_app_labels):
            found = ContentType.objects.filter(app_label=label, model=model_name).first()
            if found is not None:
                return found
        return ContentType.objects.create(app_label=app_label, model=model_name)

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        Revision = apps.get_model("wagtailcore", "Revision")
        rows = model.objects.filter(latest_revision__isnull=True).order_by("pk")
        if not rows.exists():
            return  # a fresh database: nothing to publish, and no content type to create early
        content_type = content_type_of(apps)
        now = timezone.now()
        for row in rows:
            revision = Revision.objects.create(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(row.pk),
                created_at=now,
                content=get_serializable_data_for_fields(row),
                object_str=(getattr(row, "name_en", None) or getattr(row, "name", "") or str(row.pk))[:255],
            )
            model.objects.filter(pk=row.pk).update(
                live=True,
                has_unpublished_changes=False,
                latest_revision=revision,
                live_revision=revision,
                first_published_at=row.first_published_at or now,
                last_published_at=now,
            )

    def backwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        Revision = apps.get_model("wagtailcore", "Revision")
        model.objects.update(latest_revision=None, live_revision=None)
        ContentType = apps.get_model("contenttypes", "ContentType")
        for label in (app_label, *former_app_labels):
            content_type = ContentType.objects.filter(app_label=label, model=model_name).first()
            if content_type is not None:
                Revision.objects.filter(content_type=content_type).delete()

    return migrations.RunPython(forwards, backwards)
