"""/health/ in-process, on the test database (the outages themselves, with servers stopped for
real, are in tests/wiegosite/test_outages.py)."""

import socket

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_health_reports_ok_outside_the_language_prefixes_and_is_never_cached(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405
    # Below it nothing exists: a plain 404, not a redirect to /en/health/...
    assert client.get("/health/anything/").status_code == 404


def test_health_reports_a_cache_that_raises_instead_of_failing():
    """A Redis cache configured without the settings' fail-open option raises on every call: the
    report still answers, with the cache in error."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there once the probe is closed
    unreachable = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": f"redis://127.0.0.1:{port}/0"}}
    with override_settings(CACHES=unreachable):
        response = Client().get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}
