import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from core.proxy_cache import purge

logger = logging.getLogger("core.scheduler")


class Command(BaseCommand):
    help = (
        "The site's scheduled jobs: publish and unpublish what editors scheduled (Wagtail's "
        "publish_scheduled, which purges the cache like a manual publish) and send again the cache "
        "purges that failed (core.proxy_cache). Runs once, or every --every seconds until stopped "
        "(the production stack's scheduler; systemd's wiegosite-scheduler.service on servers)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--every", type=float, default=0, help="Seconds between runs; 0 (default) runs once.")

    def handle(self, *args, every=0, **options):
        if every < 0:
            self.stderr.write("--every must be 0 or more seconds.")
            raise SystemExit(2)
        if not every:
            self.run_once()
            return
        while True:
            close_old_connections()  # a database restart must not stop the loop
            try:
                self.run_once()
            except Exception:
                logger.exception("Scheduled jobs failed; trying again in %s s", every)
            time.sleep(every)

    def run_once(self):
        call_command("publish_scheduled", verbosity=0)
        done, failing = purge.retry_failed()
        if done or failing:
            self.stdout.write(f"Failed purges sent again: {done} done, {failing} still failing.")
        purge.wait()
