# "kind" meant four things in the code; an initiative's is its type (special initiative or global
# project). The column is renamed, the values kept.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0003_images_from_core"),
    ]

    operations = [
        migrations.RenameField(model_name="initiativepage", old_name="kind", new_name="initiative_type"),
        migrations.AlterField(
            model_name="initiativepage",
            name="initiative_type",
            field=models.CharField(
                choices=[("special-initiative", "Special initiative"), ("global-project", "Global project")],
                default="special-initiative",
                max_length=32,
                verbose_name="type of initiative",
            ),
        ),
    ]
