"""Purges of the reverse-proxy cache that failed (core.proxy_cache.purge), kept for a retry."""

from django.db import models


class FailedPurge(models.Model):
    """One purge request a proxy did not take (down, slow, refused). `run_scheduled_jobs` sends
    it again every minute until it goes through; then the row is deleted."""

    proxy_url = models.CharField(max_length=300)
    keys = models.TextField(help_text="Cache keys, separated by spaces.")
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    last_tried_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.proxy_url}: {self.keys[:60]}"
