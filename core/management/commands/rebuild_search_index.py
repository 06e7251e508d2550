from django.core.management.base import BaseCommand

from core.models import SearchEntry
from core.search_index import rebuild_index
from languages import LANGUAGE_CODES


class Command(BaseCommand):
    help = (
        "Rebuild the site search index from the live pages: one entry per page and language "
        f"({', '.join(LANGUAGE_CODES)}), holding the page's text in that language or, where the page "
        "lacks the language, its English text. Publishing keeps the index current; run this after "
        "a deploy that changes what is indexed, or to repair it. Searches see the old index until "
        "the rebuild is done."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0
        pages = rebuild_index(log=self.stdout.write if verbose else None)
        if verbose:
            entries = SearchEntry.objects.count()
            self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {pages} pages, {entries} entries."))
