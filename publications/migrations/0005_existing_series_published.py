from django.db import migrations

from core.snippet_drafts import publish_existing_rows


class Migration(migrations.Migration):
    # Series existing before drafts stay live, each with a first published revision.
    dependencies = [
        ("publications", "0004_series_drafts_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [publish_existing_rows("publications", "publicationseries")]
