import logging
import re

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

from core.proxy_cache import headers as proxy_cache_headers
from core.proxy_cache import keys as proxy_cache_keys

from . import views

logger = logging.getLogger(__name__)

# Addresses that live outside the language prefixes (wiegosite/urls.py).
UNPREFIXED = ("/admin/", "/documents/", "/health/", "/static/", "/media/")
LANGUAGE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class CacheHeadersMiddleware:
    """`Cache-Control` for shared caches and the `xkey` header of what a response shows
    (core.proxy_cache). Near the top, so it sees the cookies the session and CSRF middleware set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with proxy_cache_keys.collecting() as collected:
            response = self.get_response(request)
        return proxy_cache_headers.apply(request, response, collected)


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
        return {code for code, _name in settings.LANGUAGES}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with one policy per kind of response: the strict public policy
    (CONTENT_SECURITY_POLICY) for HTML pages, the admin's (CONTENT_SECURITY_POLICY_ADMIN) for
    /admin/ HTML, and `default-src 'none'` (CONTENT_SECURITY_POLICY_NOT_HTML) for everything
    that is not HTML (feeds, citations, sitemaps, documents): a browser that opens one of those
    as a document runs nothing.

    Admin previews build their page through the middleware again, at the page's own address
    (Wagtail's dummy request), so they get the public policy, set before the admin's is
    considered: the preview shows exactly what visitors will get, inline code refused alike."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:  # else a view chose its own (csp decorators)
            parts.config = policy_for(request, response)
        return parts

    def process_response(self, request, response):
        chosen_before = HEADER in response
        response = super().process_response(request, response)
        if HEADER in response and not chosen_before:
            # django-csp 4.0 joins the directives in set order, which changes from one process to
            # the next; the declared order keeps the header stable (caches, upgrade checks, tests).
            response[HEADER] = in_declared_order(response[HEADER], policy_for(request, response))
        return response


def policy_for(request, response):
    """The directives for this response."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return settings.CONTENT_SECURITY_POLICY_NOT_HTML
    if request.path_info.startswith("/admin/"):
        return settings.CONTENT_SECURITY_POLICY_ADMIN
    return settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]


def in_declared_order(header, directives):
    order = {name: position for position, name in enumerate(directives)}
    parts = [part.strip() for part in header.split(";") if part.strip()]
    return "; ".join(sorted(parts, key=lambda part: order.get(part.split(" ", 1)[0], len(order))))


class CrossOriginResourcePolicyMiddleware:
    """`Cross-Origin-Resource-Policy: same-origin` on HTML pages only: no other site may load them
    as a resource. Media, documents, feeds and the citation downloads are meant to be fetched
    from elsewhere (feed readers, reference managers, other sites' players), so they get none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
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


# Wagtail's forms for pages and documents behind a password or a login, which take a POST beside
# the views marked with core.public_forms.takes_public_posts (contact and sign-up forms).
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
        if getattr(view_func, "takes_public_posts", False):  # core.public_forms.takes_public_posts
            return None
        return HttpResponseNotAllowed(["GET", "HEAD"])
