"""Production: PostgreSQL, Redis, gunicorn behind a TLS-terminating reverse proxy."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list, require_secret_key

require_secret_key()

if not env("DATABASE_URL"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Set DATABASE_URL to the PostgreSQL database (see .env.example).")

DATABASES["default"]["CONN_MAX_AGE"] = int(env("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
# A connection the database dropped (a restart) is noticed and replaced at the next request, and
# an unreachable database fails in seconds, not minutes: meanwhile visitors get the 503 page
# (wiegosite.middleware.DatabaseUnavailableMiddleware) and the site recovers by itself.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    connect_timeout = int(env("DATABASE_CONNECT_TIMEOUT", "3"))
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = connect_timeout  # noqa: F405

# Compressed, content-hashed static files with far-future cache headers (served by WhiteNoise
# or by the reverse proxy from STATIC_ROOT).
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
WHITENOISE_MAX_AGE = 31536000

# Media on S3-compatible storage when configured, on local disk otherwise.
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405

# Documents on local disk are sent by nginx after Wagtail's checks (core.document_sendfile,
# deploy/nginx/wiegosite.conf), so a slow download never holds an app worker.
DOCUMENTS_X_ACCEL_REDIRECT = env("DOCUMENTS_X_ACCEL_REDIRECT")
if DOCUMENTS_X_ACCEL_REDIRECT and not env("AWS_STORAGE_BUCKET_NAME"):
    SENDFILE_BACKEND = "core.document_sendfile"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe each app server directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# -- The admin's defences (base.py has the rest) ----------------------------------------------
# The reverse proxy usually runs on the same machine as gunicorn (README, "Production").
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")

LOGGING["root"]["level"] = env("LOG_LEVEL", "INFO")  # noqa: F405

SILENCED_SYSTEM_CHECKS = [
    # The admin's live preview shows pages in a same-origin frame, so SAMEORIGIN, not DENY.
    "security.W019",
]
if not SECURE_HSTS_PRELOAD:
    # Preloading is a commitment the organisation opts into (SECURE_HSTS_PRELOAD=true).
    SILENCED_SYSTEM_CHECKS.append("security.W021")
