"""/health/ for load balancers and monitoring: whether this app server can reach the database
and the cache.

    {"status": "ok" | "degraded" | "error", "database": "ok" | "error", "cache": "ok" | "error"}

200 while the database answers ("degraded" when only the cache is down: pages are still served,
from the database), 503 when it does not, so a load balancer takes the server out of rotation.
It says nothing else (no host names, versions or error text: it is public), is never cached,
and answers within the connect timeouts of the database and Redis settings.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import Error as DatabaseError
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("Health check: the database is unreachable.", exc_info=True)
        return False


def cache_ok():
    """A round trip through the cache. The Redis cache ignores its own errors (it fails open),
    so a value that does not come back is how an outage shows."""
    key = f"health-check:{secrets.token_hex(8)}"
    try:
        cache.set(key, "ok", 10)
        found = cache.get(key) == "ok"
        cache.delete(key)
    except Exception:  # any backend, configured to fail open or not: report, never crash
        logger.warning("Health check: the cache is unreachable.", exc_info=True)
        return False
    return found


@never_cache
@require_safe
def status(request):
    database = database_ok()
    cached = cache_ok()
    report = {
        "status": ("ok" if cached else "degraded") if database else "error",
        "database": "ok" if database else "error",
        "cache": "ok" if cached else "error",
    }
    return JsonResponse(report, status=200 if database else 503)
