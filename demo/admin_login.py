"""Where the local admin password is kept (generated once by `ensure_admin`, not in git)."""

from pathlib import Path

from django.conf import settings


def admin_password_file():
    return Path(settings.BASE_DIR) / "var" / "admin_password"


# -- generated publications, for listings that paginate deeply and for benchmarks --------------
