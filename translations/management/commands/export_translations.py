from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

import languages
from translations.exchange import export, formats
from translations.exchange.keys import object_part


class Command(BaseCommand):
    help = (
        "Export the text of one page, a section or everything out of date for one language as a PO or "
        "XLIFF 2.0 file for outside translators (see README, 'Working with outside translators')."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language", required=True, help=f"Target language: {', '.join(languages.TARGET_LANGUAGES)}"
        )
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--page", type=int, metavar="ID", help="One page")
        scope.add_argument("--section", type=int, metavar="ID", help="A page and all its subpages")
        scope.add_argument(
            "--out-of-date",
            action="store_true",
            help="Every untranslated or out-of-date text of every page, snippet and image",
        )
        parser.add_argument("--format", choices=formats.FORMATS, default=formats.PO)
        parser.add_argument("-o", "--output", metavar="FILE", help="Write to FILE (default: standard output)")

    def handle(self, *args, **options):
        language = options["language"]
        if language not in languages.TARGET_LANGUAGES:
            raise CommandError(f"--language must be one of {', '.join(languages.TARGET_LANGUAGES)}.")
        page, scope = None, export.OUT_OF_DATE
        for name, value in ((export.PAGE, options["page"]), (export.SECTION, options["section"])):
            if value is not None:
                scope = name
                page = Page.objects.filter(pk=value).first()
                if page is None:
                    raise CommandError(f"No page with id {value}.")

        def progress(count):
            self.stderr.write(f"  {count} objects…")

        entries = export.collect(scope, language, page, progress=progress)
        objects = {object_part(entry.key) for entry in entries}
        description = export.scope_description(scope, page)
        text = formats.write(entries, language, description, options["format"])
        summary = f"{len(entries)} entries from {len(objects)} objects ({language}, {description})."
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as output:
                output.write(text)
            self.stdout.write(self.style.SUCCESS(f"Wrote {options['output']}: {summary}"))
        else:
            self.stdout.write(text, ending="")
            self.stderr.write(summary)
