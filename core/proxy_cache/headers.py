"""Which responses shared caches (Varnish, a CDN) may keep, and for how long.

Public: an anonymous GET or HEAD of a public address answered 200, with no cookie set, no CSRF
token used and no `Cache-Control` of its own. It gets

    Cache-Control: public, max-age=<browser>, s-maxage=<proxy>, stale-while-revalidate=<s>, stale-if-error=<s>

with s-maxage capped so the copy expires when the response said it goes out of date
(`keys.expire_at`, e.g. a page's `cache_expires_at()`), and its `xkey` header.

Everything else (anyone with a session, previews, the admin, other methods, redirects such as
the bare `/` chosen by Accept-Language, errors, responses that set a cookie) gets
`Cache-Control: private, no-store` unless the view chose its own.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from . import keys

PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/health/", "/documents/")
PUBLIC_STATUSES = (200,)


def cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(PRIVATE_PREFIXES):
        return False
    if getattr(request, "is_preview", False):
        return False
    # A session cookie means someone signed in (or on their way to): pages may be made for them.
    # Reading the cookie, not request.user, leaves the session unread for everyone else.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def cacheable_response(request, response) -> bool:
    if response.status_code not in PUBLIC_STATUSES or response.has_header("Cache-Control"):
        return False
    if response.cookies:
        return False
    # get_token() was called: the page carries a CSRF token, which is the visitor's own.
    return not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")


def apply(request, response, collected):
    """Set the response's Cache-Control (and xkey) headers."""
    if cacheable_request(request) and cacheable_response(request, response):
        proxy_seconds = settings.PUBLIC_CACHE_S_MAXAGE
        left = keys.seconds_left(collected)
        if left is not None:
            proxy_seconds = min(proxy_seconds, left)
        patch_cache_control(
            response,
            public=True,
            max_age=min(settings.PUBLIC_CACHE_MAX_AGE, proxy_seconds),
            s_maxage=proxy_seconds,
            stale_while_revalidate=settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE,
            stale_if_error=settings.PUBLIC_CACHE_STALE_IF_ERROR,
        )
        if not collected.page_served:
            # Feeds, sitemaps, search, citations: they list or show pages of any type.
            collected.keys.add(keys.ALL_LISTINGS)
        collected.keys.add(keys.SITE)
        response["xkey"] = collected.header()
    elif not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_store=True)
    return response
