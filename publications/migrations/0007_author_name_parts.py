# Authors get a family name and given names (an organisation one name), so citations can write
# "Family, Given". Existing names are split: an author with a one-word name ("WIEGO") is taken to
# be an organisation; for anyone else the last word is the family name and the rest the given
# names. Compound family names ("Almendra Tavira") need an editor's correction afterwards; `name`
# (the name readers see) is unchanged either way.

from django.db import migrations, models


def split_names(apps, schema_editor):
    author_model = apps.get_model("publications", "Author")
    for author in author_model.objects.all():
        words = author.name.split()
        if len(words) <= 1:
            author.is_organisation, author.given_name, author.family_name = True, "", author.name.strip()
        else:
            author.is_organisation, author.given_name, author.family_name = False, " ".join(words[:-1]), words[-1]
        author.save(update_fields=["is_organisation", "given_name", "family_name"])


def join_names(apps, schema_editor):
    author_model = apps.get_model("publications", "Author")
    for author in author_model.objects.all():
        author.name = " ".join(part for part in (author.given_name, author.family_name) if part)
        author.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [("publications", "0006_twelve_items_per_page")]

    operations = [
        migrations.AddField(
            model_name="author",
            name="is_organisation",
            field=models.BooleanField(
                default=False,
                help_text="An organisation has one name: enter it as the family name.",
                verbose_name="organisation",
            ),
        ),
        migrations.AddField(
            model_name="author",
            name="given_name",
            field=models.CharField(blank=True, max_length=100, verbose_name="given names"),
        ),
        migrations.AddField(
            model_name="author",
            name="family_name",
            field=models.CharField(default="", max_length=150, verbose_name="family name, or the organisation's name"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="author",
            name="name",
            field=models.CharField(editable=False, max_length=200, verbose_name="name"),
        ),
        migrations.RunPython(split_names, join_names),
    ]
