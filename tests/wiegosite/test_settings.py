"""Settings read from the environment: the database, the shared Redis cache, production's
safety (the security headers are in test_response_headers.py)."""

import os
import subprocess
import sys

from django.conf import settings


def settings_value(module, expression, unset=(), **env):
    """Evaluate a settings value in a fresh interpreter with the given environment."""
    code = f"import importlib; m = importlib.import_module('{module}'); print({expression})"
    environment = {key: value for key, value in {**os.environ, **env}.items() if key not in unset}
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, cwd=settings.BASE_DIR
    )
    return result


def test_database_is_the_projects_sqlite_file_unless_database_url_is_set():
    expression = "(m.DATABASES['default']['NAME'], m.DATABASES['default']['CONN_MAX_AGE'])"
    result = settings_value("wiegosite.settings.base", expression, unset=["DATABASE_URL", "DATABASE_CONN_MAX_AGE"])
    assert result.stdout.strip() == repr((str(settings.BASE_DIR / "db.sqlite3"), 0)), result.stderr
    env = {"DATABASE_URL": "postgres://u@127.0.0.1:5432/wiego_ci", "DATABASE_CONN_MAX_AGE": "60"}
    result = settings_value("wiegosite.settings.base", expression, **env)
    assert result.stdout.strip() == "('wiego_ci', 60)", result.stderr


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


def test_cache_is_the_shared_redis_when_redis_url_is_set_else_memory():
    expression = "m.CACHES['default']"
    result = settings_value("wiegosite.settings.base", expression, unset=["REDIS_URL", "CACHE_KEY_PREFIX"])
    assert result.stdout.strip() == repr({"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}), result.stderr
    result = settings_value(
        "wiegosite.settings.base",
        expression,
        unset=["CACHE_KEY_PREFIX", "REDIS_CONNECT_TIMEOUT", "REDIS_SOCKET_TIMEOUT"],
        REDIS_URL="redis://r:6379/2",
    )
    expected = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://r:6379/2",
        "KEY_PREFIX": "wiegosite",
        "TIMEOUT": 300,
        # Fails open: a Redis outage makes every call a miss (logged), never an error.
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5, "IGNORE_EXCEPTIONS": True},
    }
    assert result.stdout.strip() == repr(expected), result.stderr
    result = settings_value(
        "wiegosite.settings.base", "m.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS", REDIS_URL="redis://r:6379/2"
    )
    assert result.stdout.strip() == "True", result.stderr


def test_production_gives_up_on_an_unreachable_postgresql_in_seconds():
    env = {"SECRET_KEY": "x" * 60, "DATABASE_URL": "postgres://u@127.0.0.1:5432/x"}
    expression = "(m.DATABASES['default']['OPTIONS'], m.DATABASES['default']['CONN_HEALTH_CHECKS'])"
    result = settings_value("wiegosite.settings.production", expression, unset=["DATABASE_CONNECT_TIMEOUT"], **env)
    # (base.py's no-JIT option stays beside the timeout)
    assert result.stdout.strip() == "({'options': '-c jit=off', 'connect_timeout': 3}, True)", result.stderr
    # SQLite (make lighthouse runs production settings on it) has no such option.
    env["DATABASE_URL"] = "sqlite:////tmp/x.sqlite3"
    result = settings_value("wiegosite.settings.production", "m.DATABASES['default'].get('OPTIONS')", **env)
    assert result.stdout.strip() == "None", result.stderr


def test_postgresql_connections_do_not_jit_compile():
    expression = "m.DATABASES['default'].get('OPTIONS')"
    result = settings_value("wiegosite.settings.base", expression, DATABASE_URL="postgres://u@127.0.0.1:5432/x")
    assert result.stdout.strip() == "{'options': '-c jit=off'}", result.stderr
    result = settings_value("wiegosite.settings.base", expression, unset=["DATABASE_URL"])
    assert result.stdout.strip() in ("None", "{}"), result.stderr


def test_production_requires_two_step_sign_in_and_believes_a_local_proxy():
    env = {"SECRET_KEY": "x" * 60, "DATABASE_URL": "postgres://u@127.0.0.1:5432/x"}
    expression = "(m.ADMIN_REQUIRE_2FA, m.TRUSTED_PROXIES)"
    result = settings_value(
        "wiegosite.settings.production", expression, unset=["ADMIN_REQUIRE_2FA", "TRUSTED_PROXIES"], **env
    )
    assert result.stdout.strip() == "(True, ['127.0.0.1', '::1'])", result.stderr
    result = settings_value(
        "wiegosite.settings.production",
        expression,
        ADMIN_REQUIRE_2FA="false",
        TRUSTED_PROXIES="10.0.0.2,10.0.1.0/24",
        **env,
    )
    assert result.stdout.strip() == "(False, ['10.0.0.2', '10.0.1.0/24'])", result.stderr
    # The local demo signs in with a password alone, and believes no forwarded address.
    result = settings_value("wiegosite.settings.dev", expression, unset=["ADMIN_REQUIRE_2FA", "TRUSTED_PROXIES"])
    assert result.stdout.strip() == "(False, [])", result.stderr
