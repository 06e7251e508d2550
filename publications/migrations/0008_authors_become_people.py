# Authors become people: every `Author` snippet becomes a `people.PersonPage` (same name parts,
# same organisation flag) under the people index, and each publication's author links point at
# it, in the same order, so citations (BibTeX, RIS, the generated text, schema.org) come out
# byte-identical. A people index is created under the site's home page when there is none.
#
# The pages are written with the historical models, so no signal runs: after `migrate`, run
# `manage.py update_translation_status` and `manage.py rebuild_search_index` (make migrate-data
# does both) so the new pages appear in the translators' report and in search. Their title is
# the name in every language (names are not translated); the per-language title columns are set
# where they exist, the English ones by core's migrate (fill_page_language_columns).

import uuid

import django.db.models.deletion
from django.db import migrations, models

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail's Page uses it
STEP = 4
INDEX_TITLES = {"en": "People", "es": "Personas", "fr": "Personnes", "pt": "Pessoas"}


def _step(number):
    digits = ""
    for _ in range(STEP):
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits


def _next_child_path(page_model, parent):
    last = page_model.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    number = int(last.path[-STEP:], len(ALPHABET)) + 1 if last else 1
    return parent.path + _step(number)


def _add_child(apps, parent, model, **fields):
    page_model = apps.get_model("wagtailcore", "Page")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    content_type, _created = content_type_model.objects.get_or_create(
        app_label=model._meta.app_label, model=model._meta.model_name
    )
    slug = fields["slug"]
    page = model.objects.create(
        path=_next_child_path(page_model, parent),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        content_type=content_type,
        locale_id=parent.locale_id,
        translation_key=uuid.uuid4(),
        live=True,
        has_unpublished_changes=False,
        draft_title=fields["title"],
        **fields,
    )
    page_model.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + 1)
    parent.numchild += 1
    return page


def _title_columns(schema_editor):
    """The per-language title columns of wagtailcore_page that exist (added outside migrations)."""
    if schema_editor is None:
        return []
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        columns = {column.name for column in connection.introspection.get_table_description(cursor, "wagtailcore_page")}
    return [code for code in INDEX_TITLES if f"title_{code}" in columns]


def _set_titles(schema_editor, page_id, titles):
    for code in _title_columns(schema_editor):
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"UPDATE wagtailcore_page SET title_{code} = %s WHERE id = %s", [titles[code], page_id])


def _people_index(apps, schema_editor):
    index_model = apps.get_model("people", "PeopleIndexPage")
    index = index_model.objects.order_by("path").first()
    if index is not None:
        return index
    page_model = apps.get_model("wagtailcore", "Page")
    site = apps.get_model("wagtailcore", "Site").objects.filter(is_default_site=True).first()
    parent = page_model.objects.get(pk=site.root_page_id) if site else None
    parent = parent or page_model.objects.filter(depth=2).order_by("path").first()
    parent = parent or page_model.objects.get(depth=1)
    slug = "people"
    while page_model.objects.filter(path__startswith=parent.path, depth=parent.depth + 1, slug=slug).exists():
        slug += "-1"
    index = _add_child(apps, parent, index_model, title="People", slug=slug)
    _set_titles(schema_editor, index.pk, INDEX_TITLES)
    return index


def authors_to_people(apps, schema_editor):
    author_model = apps.get_model("publications", "Author")
    link_model = apps.get_model("publications", "PublicationAuthor")
    person_model = apps.get_model("people", "PersonPage")
    page_model = apps.get_model("wagtailcore", "Page")
    authors = list(author_model.objects.order_by("pk"))
    if not authors:
        return
    index = _people_index(apps, schema_editor)
    for author in authors:
        slug = author.key
        while page_model.objects.filter(path__startswith=index.path, depth=index.depth + 1, slug=slug).exists():
            slug += "-1"
        person = _add_child(
            apps,
            index,
            person_model,
            title=author.name,
            slug=slug,
            is_organisation=author.is_organisation,
            given_name=author.given_name,
            family_name=author.family_name,
            name=author.name,
            team="authors",
        )
        _set_titles(schema_editor, person.pk, dict.fromkeys(INDEX_TITLES, author.name))
        link_model.objects.filter(author_id=author.pk).update(person_id=person.pk)


def people_to_authors(apps, schema_editor):
    author_model = apps.get_model("publications", "Author")
    link_model = apps.get_model("publications", "PublicationAuthor")
    person_model = apps.get_model("people", "PersonPage")
    for person in person_model.objects.filter(pk__in=link_model.objects.values("person_id")):
        author, _created = author_model.objects.get_or_create(
            key=person.slug[:80],
            defaults={
                "is_organisation": person.is_organisation,
                "given_name": person.given_name,
                "family_name": person.family_name,
                "name": person.name,
            },
        )
        link_model.objects.filter(person_id=person.pk).update(author_id=author.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0007_author_name_parts"),
        ("people", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterUniqueTogether(name="publicationauthor", unique_together=set()),
        migrations.AlterField(
            model_name="publicationauthor",
            name="author",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="publications.author",
                verbose_name="author",
            ),
        ),
        migrations.AddField(
            model_name="publicationauthor",
            name="person",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="people.personpage"
            ),
        ),
        migrations.RunPython(authors_to_people, people_to_authors),
        migrations.RemoveField(model_name="publicationauthor", name="author"),
        migrations.DeleteModel(name="Author"),
        migrations.RenameField(model_name="publicationauthor", old_name="person", new_name="author"),
        migrations.AlterField(
            model_name="publicationauthor",
            name="author",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="people.personpage",
                verbose_name="author",
            ),
        ),
        migrations.AlterUniqueTogether(name="publicationauthor", unique_together={("page", "author")}),
    ]
