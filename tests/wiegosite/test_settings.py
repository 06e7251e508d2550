"""Settings read from the environment, and the shared Redis cache when one is configured."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.utils.module_loading import import_string


def settings_value(module, expression, unset=(), **env):
    """Evaluate a settings value in a fresh interpreter with the given environment."""
    code = f"import importlib; m = importlib.import_module('{module}'); print({expression})"
    environment = {key: value for key, value in {**os.environ, **env}.items() if key not in unset}
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, cwd=settings.BASE_DIR
    )
    return result


def test_sqlite_when_database_url_is_unset():
    result = settings_value("wiegosite.settings.dev", "m.DATABASES['default']['ENGINE']", unset=["DATABASE_URL"])
    assert result.stdout.strip() == "django.db.backends.sqlite3", result.stderr


def test_postgresql_when_database_url_is_set():
    result = settings_value(
        "wiegosite.settings.dev", "m.DATABASES['default']['ENGINE']", DATABASE_URL="postgres://u@127.0.0.1:5432/x"
    )
    assert result.stdout.strip() == "django.db.backends.postgresql", result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {"SECRET_KEY": "", "DATABASE_URL": "postgres://u@127.0.0.1:5432/x"}
    result = settings_value("wiegosite.settings.production", "m.DEBUG", **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_is_secure_by_default():
    env = {"SECRET_KEY": "x" * 60, "DATABASE_URL": "postgres://u@127.0.0.1:5432/x"}
    expression = (
        "(m.DEBUG, m.SESSION_COOKIE_SECURE, m.CSRF_COOKIE_SECURE, m.SECURE_SSL_REDIRECT, m.SECURE_HSTS_SECONDS)"
    )
    result = settings_value("wiegosite.settings.production", expression, **env)
    assert result.stdout.strip() == "(False, True, True, True, 31536000)", result.stderr


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set (CI sets it)")
def test_redis_cache_round_trip_when_configured():
    redis_url = os.environ["REDIS_URL"]
    result = settings_value("wiegosite.settings.base", "m.CACHES['default']['BACKEND']", REDIS_URL=redis_url)
    assert result.stdout.strip() == "django_redis.cache.RedisCache", result.stderr
    cache = import_string("django_redis.cache.RedisCache")(redis_url, {"KEY_PREFIX": "wiegosite-test"})
    cache.set("probe", {"language": "es"}, 30)
    assert cache.get("probe") == {"language": "es"}
    cache.set("generation", 1)
    assert cache.incr("generation") == 2
    cache.delete_many(["probe", "generation"])


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy_and_the_admin_does_not(client, home, admin_client):
    response = client.get("/en/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "Content-Security-Policy" not in admin_client.get("/admin/")
