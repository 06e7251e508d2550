from django.shortcuts import render
from django.utils import translation

from core import query_strings
from search import query as search_query


def search_view(request):
    """/<language>/search/?q=...: the site searched in the visitor's language (search.query)."""
    query, was_shortened = query_strings.clean_free_text(request.GET.get("q", ""))
    # The search page itself may be indexed; its results (any query string) are endless
    # variations of the site's own pages and are kept out of search engines.
    is_results = bool(request.GET)
    # Links on the page (pagination, language switcher) carry the query as searched: one `q`,
    # shortened and cleaned, never the 10,000 characters someone typed.
    request.GET = query_strings.with_value(request.GET, "q", query)
    context = {
        "search_query": query,
        "query_was_shortened": was_shortened,
        "max_query_length": query_strings.MAX_TEXT_LENGTH,
        "language_links": search_query.switcher_links(request),
        "noindex": is_results,  # {% page_meta %} prints the robots tag
    }
    if query:
        context["items"], context["result_count"] = search_query.run_search(request, query, translation.get_language())
    response = render(request, "search/search.html", context)
    if is_results:
        response["X-Robots-Tag"] = "noindex"  # also for crawlers that read headers only
    return response
