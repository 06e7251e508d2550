import logging
import re

from django.http import HttpResponseNotAllowed
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

from . import views

logger = logging.getLogger(__name__)

# Addresses that live outside the language prefixes (wiegosite/urls.py).
UNPREFIXED = ("/admin/", "/documents/", "/health/", "/static/", "/media/")
LANGUAGE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that an address starting with an unknown language
    (/de/..., /zh-hans/...) or with a prefix-free section (/admin/...) is a plain 404 instead of
    being redirected to /en/de/... (every path is "valid" below a Wagtail catch-all, so Django
    would redirect)."""

    def process_response(self, request, response):
        if response.status_code == 404:
            if request.path_info.startswith(UNPREFIXED):
                return response  # /admin/nope/ is the admin's 404, not a public page's
            match = LANGUAGE_PREFIX.match(request.path_info)
            if match and match.group(1).lower() not in self._language_codes():
                return response
        return super().process_response(request, response)

    @staticmethod
    def _language_codes():
        from django.conf import settings

        return {code for code, _name in settings.LANGUAGES}


# The public pages load nothing from other hosts and carry no inline script or style (checked by
# tests/browser), so they can be served with a strict policy. The admin (Wagtail's own inline
# scripts) and the admin's previews are left alone.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith("/admin/") and "Content-Security-Policy" not in response:
            content_type = response.get("Content-Type", "")
            if content_type.startswith("text/html"):
                response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached (stopped, restarting, out of connections, network),
    visitors get the translated 503 page with Retry-After instead of a 500. Nothing else is
    needed to recover: Django drops the failed connection at the end of the request and
    production's CONN_HEALTH_CHECKS replaces a stale one before the next query. (Database errors
    raised outside a view reach views.server_error, which answers the same.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, views.DATABASE_UNREACHABLE):
            return None
        logger.warning("Database unreachable, answering 503: %s", exception)
        return views.database_unavailable(request)


# Wagtail's forms for pages and documents behind a password or a login: the only public
# addresses that take a POST.
PUBLIC_FORMS = {"wagtailcore_authenticate_with_password", "wagtailcore_login", "wagtaildocs_authenticate_with_password"}


class ReadOnlyPublicSiteMiddleware:
    """The public site only reads: an address a public view answers takes GET and HEAD, and any
    other method (POST, PUT, PATCH, DELETE, OPTIONS, TRACE) is a 405 naming those two. Runs
    before the CSRF check, so a POST gets the 405 whether or not it carries a token, rather than
    a CSRF failure about a form the site never showed. The admin is left alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in ("GET", "HEAD") or request.path_info.startswith("/admin/"):
            return None
        if request.resolver_match and request.resolver_match.url_name in PUBLIC_FORMS:
            return None
        return HttpResponseNotAllowed(["GET", "HEAD"])
