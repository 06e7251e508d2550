"""Purging by key: `PURGE /` with `xkey-purge: <keys>` to every proxy in PROXY_CACHE_URLS.

Never inside the editor's request and never able to fail a publish: keys are sent after the
change's transaction commits, from a thread of its own, with a short timeout
(PROXY_CACHE_PURGE_TIMEOUT). A proxy that is down or refuses gets its purge stored as a
`FailedPurge`, which `retry_failed` (run every minute by `run_scheduled_jobs`) sends again.
The thread is not a daemon, so a command that publishes (publish_scheduled, a shell script)
finishes its purges before it exits.
"""

import logging
import threading
import urllib.error
import urllib.request

from django.conf import settings
from django.db import DatabaseError, connection, transaction

logger = logging.getLogger("core.proxy_cache")

KEYS_PER_REQUEST = 100  # keeps each header short; Varnish's default limit is 8 kB a header
_threads = []


def purge_later(keys):
    """Purge `keys` from every proxy once the current transaction has committed."""
    keys = sorted(set(keys))
    if not keys or not settings.PROXY_CACHE_URLS:
        return
    transaction.on_commit(lambda: _start(keys))


def _start(keys):
    if not settings.PROXY_CACHE_PURGE_IN_THREAD:  # the unit tests: in their own transaction
        _purge_everywhere(keys)
        return
    _threads[:] = [thread for thread in _threads if thread.is_alive()]
    thread = threading.Thread(target=_purge_in_thread, args=(keys,), name="proxy-cache-purge")
    thread.start()
    _threads.append(thread)


def _purge_in_thread(keys):
    try:
        _purge_everywhere(keys)
    except Exception:  # a thread's error would vanish; log it
        logger.exception("Purging %s failed", keys)
    finally:
        connection.close()  # this thread's own database connection


def _purge_everywhere(keys):
    for proxy_url in settings.PROXY_CACHE_URLS:
        error = send(proxy_url, keys)
        if error is not None:
            record_failure(proxy_url, keys, error)


def send(proxy_url, keys):
    """Purge `keys` from one proxy; None when it took them, else what went wrong."""
    keys = list(keys)
    for start in range(0, len(keys), KEYS_PER_REQUEST):
        batch = " ".join(keys[start : start + KEYS_PER_REQUEST])
        # The address comes from settings (PROXY_CACHE_URLS), never from a visitor.
        address = proxy_url.rstrip("/") + "/"
        request = urllib.request.Request(address, method="PURGE", headers={"xkey-purge": batch})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=settings.PROXY_CACHE_PURGE_TIMEOUT) as response:  # noqa: S310
                response.read()
        except urllib.error.HTTPError as error:
            return f"HTTP {error.code}"
        except (OSError, ValueError) as error:
            return str(error) or error.__class__.__name__
    return None


def record_failure(proxy_url, keys, error):
    from core.models import FailedPurge

    logger.warning("Could not purge %s from %s (%s); stored for a retry", " ".join(keys), proxy_url, error)
    try:
        FailedPurge.objects.create(proxy_url=proxy_url, keys=" ".join(keys), error=error[:1000])
    except DatabaseError:
        logger.exception("Could not store the failed purge either")


def retry_failed(limit=1000):
    """Send the stored failed purges again; returns (done, still failing)."""
    from core.models import FailedPurge

    done = failing = 0
    for failed in FailedPurge.objects.all()[:limit]:
        error = send(failed.proxy_url, failed.keys.split())
        if error is None:
            failed.delete()
            done += 1
        else:
            failed.attempts += 1
            failed.error = error[:1000]
            failed.save(update_fields=["attempts", "error", "last_tried_at"])
            failing += 1
    return done, failing


def wait(timeout=30):
    """Wait for the purges under way (tests, and commands that must not leave early)."""
    for thread in list(_threads):
        thread.join(timeout)
