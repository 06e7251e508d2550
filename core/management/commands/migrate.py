from django.db import DEFAULT_DB_ALIAS
from wagtail_modeltranslation.migrate.management.commands.migrate import Command as TranslatedMigrateCommand

from core.modeltranslation_overrides import fill_page_language_columns, index_page_language_columns


class Command(TranslatedMigrateCommand):
    help = (
        "Migrate the database, add the per-language columns of Wagtail's Page table "
        "(wagtail-modeltranslation), and fill them for pages that existed before they did."
    )

    def handle(self, *args, **options):
        super().handle(*args, **options)
        fill_page_language_columns()
        index_page_language_columns(options.get("database") or DEFAULT_DB_ALIAS)
