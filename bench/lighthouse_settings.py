"""Production settings for `make lighthouse` (bench/lighthouse.py), plus what the reverse proxy
does in production: gzip the HTML. Everything else is wiegosite.settings.production."""

from wiegosite.settings.production import *  # noqa: F403
from wiegosite.settings.production import MIDDLEWARE

MIDDLEWARE = ["django.middleware.gzip.GZipMiddleware", *MIDDLEWARE]
