"""Error pages in the visitor's language."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers

# What an unreachable database raises (refused, timed out, dropped mid-request).
DATABASE_UNREACHABLE = (OperationalError, InterfaceError)
# Seconds a visitor (or a crawler) is asked to wait while the database is unreachable.
RETRY_AFTER_SECONDS = 30


def _language_from_path(request):
    """The language of the address, if it names one; else the browser's, else English."""
    prefix = request.path_info.lstrip("/").split("/", 1)[0]
    codes = [code for code, _name in settings.LANGUAGES]
    if prefix in codes:
        return prefix
    return translation.get_language_from_request(request) or settings.LANGUAGE_CODE


def page_not_found(request, exception=None):
    translation.activate(_language_from_path(request))
    request.LANGUAGE_CODE = translation.get_language()
    return render(request, "404.html", status=404)


def server_error(request):
    # Django calls this while handling the exception. A database error that no view raised (the
    # 404 page's own queries, a middleware's) is an outage too.
    if isinstance(sys.exc_info()[1], DATABASE_UNREACHABLE):
        return database_unavailable(request)
    # Rendered without a request context: the failure may lie in whatever that context needs.
    language = _language_from_path(request)
    with translation.override(language):
        response = render(None, "500.html", {"LANGUAGE_CODE": language})
    response.status_code = 500
    return response


def database_unavailable(request):
    """503 while the database is unreachable (wiegosite.middleware.DatabaseUnavailableMiddleware).
    Like the 500 page it reads nothing from the database: no request context, no site settings."""
    language = _language_from_path(request)
    with translation.override(language):
        response = render(None, "503.html", {"LANGUAGE_CODE": language})
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
