import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "The site's scheduled jobs: publish and unpublish what editors scheduled (Wagtail's "
        "publish_scheduled, which purges the cache like a manual publish). Runs once, or every "
        "--every seconds until stopped (the production stack's scheduler; systemd's "
        "wiegosite-scheduler.service on servers)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, default=0, help="Seconds between runs; 0 (default) runs once.")

    def handle(self, *args, every=0, **options):
        if every < 0:
            self.stderr.write("--every must be 0 or more seconds.")
            raise SystemExit(2)
        while True:
            self.run_once()
            if not every:
                return
            time.sleep(every)

    def run_once(self):
        call_command("publish_scheduled", verbosity=0)
