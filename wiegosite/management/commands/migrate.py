from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Q
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page
from wagtail_modeltranslation.migrate.management.commands.migrate import Command as TranslatedMigrateCommand

from wiegosite.languages import LANGUAGE_CODES, SOURCE_LANGUAGE, in_source_language, url_path_fields


class Command(TranslatedMigrateCommand):
    help = (
        "Migrate the database, add the per-language columns of Wagtail's Page table "
        "(wagtail-modeltranslation), and fill them for pages that existed before they did."
    )

    def handle(self, *args, **options):
        super().handle(*args, **options)
        fill_page_language_columns()
        index_page_language_columns(options.get("database") or DEFAULT_DB_ALIAS)


def fill_page_language_columns():
    """Pages created before the language columns existed (Wagtail's root page, at least) have
    them empty: copy the base columns into English and compute every language's url_path."""
    copied = ["title", "slug", "seo_title", "search_description", "url_path"]
    with in_source_language():
        for field in copied:
            english = build_localized_fieldname(field, SOURCE_LANGUAGE)
            for page in Page.objects.filter(**{f"{english}__isnull": True}).only("pk", field):
                Page.objects.filter(pk=page.pk).update(**{english: page.__dict__[field]})
        missing = Q()
        for field in url_path_fields():
            missing |= Q(**{f"{field}__isnull": True})
        for page in Page.objects.filter(missing).order_by("path"):
            page.set_url_path(page.get_parent())
            Page.objects.filter(pk=page.pk).update(**{field: getattr(page, field) for field in url_path_fields()})


def index_page_language_columns(database=DEFAULT_DB_ALIAS):
    """Indexes on the per-language slug columns of Wagtail's page table, which routing and slug
    validation look up (wiegosite.routing). The columns are added outside migrations, so their
    indexes are too; IF NOT EXISTS makes this safe to run on every migrate."""
    connection = connections[database]
    with connection.cursor() as cursor:
        for code in LANGUAGE_CODES:
            column = build_localized_fieldname("slug", code)
            cursor.execute(f"CREATE INDEX IF NOT EXISTS wagtailcore_page_{column}_idx ON wagtailcore_page ({column})")
