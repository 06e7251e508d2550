from django.core.management.base import BaseCommand

from translations import status


class Command(BaseCommand):
    help = "Recompute the stored translation status of every page, snippet and image."

    def handle(self, *args, **options):
        count = status.rebuild(progress=lambda done: self.stderr.write(f"  {done} objects…"))
        self.stdout.write(self.style.SUCCESS(f"Translation status updated for {count} objects."))
