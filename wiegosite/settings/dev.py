"""Local development: DEBUG on, SQLite unless DATABASE_URL is set, a generated secret key."""

from pathlib import Path

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import BASE_DIR, SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]


def _local_secret_key():
    # Generated once per checkout and kept out of git, so no secret is ever committed.
    path = Path(BASE_DIR) / "var" / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(get_random_secret_key())
    return path.read_text().strip()


SECRET_KEY = SECRET_KEY or _local_secret_key()
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_AUTOREFRESH = True
# The local demo signs in with a password alone (ADMIN_REQUIRE_2FA=true to try two-step sign-in).
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", False)
