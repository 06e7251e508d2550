from django.core.management.base import BaseCommand, CommandError

from wiegosite.demo_content import DemoBuilder, DemoDataError


class Command(BaseCommand):
    help = (
        "Build the demo site (home, What We Do, programmes, initiatives, impact stories, library) in "
        "English, Spanish, French and Portuguese from wiegosite/demo_data/. Safe to run again: "
        "existing pages, images and snippets are left untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", default="127.0.0.1", help="Host name of the Site record.")
        parser.add_argument("--port", type=int, default=8000, help="Port of the Site record (where `make run` serves).")

    def handle(self, *args, **options):
        builder = DemoBuilder(stdout=self.stdout, site_port=options["port"], site_hostname=options["hostname"])
        try:
            builder.build()
        except DemoDataError as error:
            raise CommandError(str(error)) from error
