"""Error pages and the search page, in the visitor's language."""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation

from . import search


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


def search_view(request):
    """/<language>/search/?q=...: the site searched in the visitor's language (wiegosite.search)."""
    query, was_shortened = search.clean_query(request.GET.get("q", ""))
    # The search page itself may be indexed; its results (any query string) are endless
    # variations of the site's own pages and are kept out of search engines.
    is_results = bool(request.GET)
    # Links on the page (pagination, language switcher) carry the query as searched: one `q`,
    # shortened and cleaned, never the 10,000 characters someone typed.
    request.GET = request.GET.copy()
    request.GET["q"] = query
    context = {
        "search_query": query,
        "query_was_shortened": was_shortened,
        "max_query_length": search.MAX_QUERY_LENGTH,
        "language_links": search.switcher_links(request),
        "noindex": is_results,  # {% page_meta %} prints the robots tag
    }
    if query:
        context["items"], context["result_count"] = search.run_search(request, query, translation.get_language())
    response = render(request, "wiegosite/search.html", context)
    if is_results:
        response["X-Robots-Tag"] = "noindex"  # also for crawlers that read headers only
    return response
