"""Documents saved without going through Wagtail's upload form (the demo content, scripts) have
no file hash, so they were served with an empty ETag; give each one its hash and size."""

import logging

from django.db import migrations
from wagtail.utils.file import hash_filelike

logger = logging.getLogger("core.documents")


def fill_file_hashes(apps, schema_editor):
    Document = apps.get_model("wagtaildocs", "Document")
    for document in Document.objects.filter(file_hash="").exclude(file="").iterator():
        try:
            with document.file.open("rb") as file:
                file_hash = hash_filelike(file)
            size = document.file.size
        except (OSError, ValueError):
            logger.warning("Document %s: its file %r is missing; left without a hash", document.pk, document.file.name)
            continue
        Document.objects.filter(pk=document.pk).update(file_hash=file_hash, file_size=size)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_sitesettings_default_share_image"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(fill_file_hashes, migrations.RunPython.noop)]
