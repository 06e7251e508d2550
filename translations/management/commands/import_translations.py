from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

import languages
from translations.exchange import importing
from translations.exchange.entries import TranslationFileError

REVIEW_MESSAGES = {
    importing.SUBMITTED: "submitted for review",
    importing.RESUBMITTED: "resubmitted for review",
    importing.IN_REVIEW: "already in review",
    importing.NO_WORKFLOW: "not submitted (no review workflow for it, or no right to submit)",
}


def shorten(text, length=80):
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"


class Command(BaseCommand):
    help = (
        "Import a translated PO or XLIFF 2.0 file for one language as the given user: pages, regions and "
        "series get a new draft revision (never published), images and site settings are saved. Nothing is "
        "written if the file has any error."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--language", required=True, help=f"Target language: {', '.join(languages.TARGET_LANGUAGES)}"
        )
        parser.add_argument("--user", required=True, help="Username the revisions are saved as (permissions apply)")
        parser.add_argument("--dry-run", action="store_true", help="Check and list the changes, write nothing")
        parser.add_argument(
            "--submit", action="store_true", help="Send each page's new draft to its review workflow (moderation)"
        )

    def handle(self, *args, **options):
        language = options["language"]
        if language not in languages.TARGET_LANGUAGES:
            raise CommandError(f"--language must be one of {', '.join(languages.TARGET_LANGUAGES)}.")
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No user named {options['user']!r}.")
        try:
            with open(options["file"], "rb") as source:
                content = source.read()
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from None
        try:
            report = importing.import_file(
                content, language, user, name=options["file"], dry_run=options["dry_run"], submit=options["submit"]
            )
        except TranslationFileError as error:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"  - {message}" for message in error.errors)
            ) from None
        for result in report.objects:
            what = "new draft revision" if result.makes_draft else "saved"
            if report.dry_run:
                what = "would get a new draft revision" if result.makes_draft else "would be saved"
            if result.review:
                what += f", {REVIEW_MESSAGES[result.review]}"
            self.stdout.write(f"{result.type_name} “{result.title}” ({result.edit_url}): {what}")
            for change in result.changes:
                self.stdout.write(f"  {change.label}: {shorten(change.old)!r} → {shorten(change.new)!r}")
        skipped = f"{report.unchanged} unchanged, {report.untranslated} untranslated, {len(report.fuzzy)} fuzzy skipped"
        changes = f"{report.changed} change{'s' if report.changed != 1 else ''} in {len(report.objects)} objects"
        if report.dry_run:
            self.stdout.write(self.style.WARNING(f"Dry run, nothing written: {changes} ({skipped})."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported {changes} ({skipped})."))
