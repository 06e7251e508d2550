"""Error pages in the visitor's language."""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation


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
    # Rendered without a request context: the failure may lie in whatever that context needs.
    language = _language_from_path(request)
    with translation.override(language):
        response = render(None, "500.html", {"LANGUAGE_CODE": language})
    response.status_code = 500
    return response
