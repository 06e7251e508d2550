from django.core.management.base import BaseCommand, CommandError

from demo.builder import DemoBuilder
from demo.data import DemoDataError
from demo.library import generate_publications


class Command(BaseCommand):
    help = (
        "Build the demo site (home, What We Do, programmes, initiatives, impact stories, library) in "
        "English, Spanish, French and Portuguese from demo/demo_data/. Safe to run again: "
        "existing pages, images and snippets are left untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", default="127.0.0.1", help="Host name of the Site record.")
        parser.add_argument("--port", type=int, default=8000, help="Port of the Site record (where `make run` serves).")
        parser.add_argument(
            "--publications",
            type=int,
            default=0,
            metavar="N",
            help="Also make sure the library holds N generated publications (for long listings and benchmarks).",
        )

    def handle(self, *args, **options):
        builder = DemoBuilder(stdout=self.stdout, site_port=options["port"], site_hostname=options["hostname"])
        if options["publications"] < 0:
            raise CommandError("--publications must be zero or more.")
        try:
            builder.build()
            if options["publications"]:
                added = generate_publications(options["publications"], stdout=self.stdout)
                self.stdout.write(f"Generated publications added: {added}")
        except DemoDataError as error:
            raise CommandError(str(error)) from error
