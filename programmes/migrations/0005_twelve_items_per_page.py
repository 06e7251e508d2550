# Listings show 12 cards, whole rows in the two- and three-column layouts. Pages still at the
# size the demo content used to give each type (programme pages 6, the initiative and impact
# indexes 4) move to 12, with their latest revision, so that the next publish keeps it; any other
# value is an editor's choice and is kept.

from django.db import migrations

OLD_SIZES = {"programmepage": 6, "initiativeindexpage": 4, "impactindexpage": 4}
NEW_SIZE = 12


def forwards(apps, schema_editor):
    revision_model = apps.get_model("wagtailcore", "Revision")
    for model_name, old in OLD_SIZES.items():
        model = apps.get_model("programmes", model_name)
        pages = model.objects.filter(items_per_page=old)
        revision_ids = [pk for pk in pages.values_list("latest_revision_id", flat=True) if pk]
        pages.update(items_per_page=NEW_SIZE)
        for revision in revision_model.objects.filter(pk__in=revision_ids):
            if revision.content.get("items_per_page") == old:
                revision.content["items_per_page"] = NEW_SIZE
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0004_initiative_type"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
