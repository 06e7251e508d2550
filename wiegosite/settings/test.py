"""Test runs: the database comes from DATABASE_URL (PostgreSQL in CI) or SQLite."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "tests-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each test process gets its own in-memory cache; nothing survives between runs.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True  # serve from the finders; no collectstatic needed for tests
ADMIN_REQUIRE_2FA = False  # tests that need two-step sign-in turn it on
PUBLIC_FORM_MIN_SECONDS = 0  # the spam-defence tests set their own
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]  # tests use a per-process cache on purpose
PROXY_CACHE_PURGE_IN_THREAD = False  # purges inside the test's transaction (tests/core/test_proxy_purge.py)
