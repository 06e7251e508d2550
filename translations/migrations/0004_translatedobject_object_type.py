# TranslatedObject.kind → object_type ("kind" means other things elsewhere on the site). The column
# is renamed and its values kept. The index on (kind, title) is dropped first and built again on
# (object_type, title): RenameField does not rewrite the fields of a Meta index in the migration state.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('translations', '0003_language_status_live_fields'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='translatedobject',
            name='translation_kind_8a050f_idx',
        ),
        migrations.RenameField(
            model_name='translatedobject',
            old_name='kind',
            new_name='object_type',
        ),
        migrations.AddIndex(
            model_name='translatedobject',
            index=models.Index(fields=['object_type', 'title'], name='translation_object__7b79d4_idx'),
        ),
    ]
