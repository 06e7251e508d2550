# Listings show 12 cards, whole rows in the two- and three-column layouts. A library still at the
# size the demo content used to give it (8) moves to 12, with its latest revision, so that the next
# publish keeps it; any other value is an editor's choice and is kept.

from django.db import migrations

OLD_SIZE = 8
NEW_SIZE = 12


def forwards(apps, schema_editor):
    revision_model = apps.get_model("wagtailcore", "Revision")
    pages = apps.get_model("publications", "PublicationIndexPage").objects.filter(items_per_page=OLD_SIZE)
    revision_ids = [pk for pk in pages.values_list("latest_revision_id", flat=True) if pk]
    pages.update(items_per_page=NEW_SIZE)
    for revision in revision_model.objects.filter(pk__in=revision_ids):
        if revision.content.get("items_per_page") == OLD_SIZE:
            revision.content["items_per_page"] = NEW_SIZE
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("publications", "0005_existing_series_published")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
