from django.shortcuts import render
from django.utils import translation

from core import search_index
from search import query as search_query


def search_view(request):
    """/<language>/search/?q=...: the site searched in the visitor's language (search.query)."""
    query, was_shortened = search_index.clean_query(request.GET.get("q", ""))
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
        "max_query_length": search_index.MAX_QUERY_LENGTH,
        "language_links": search_query.switcher_links(request),
        "noindex": is_results,  # {% page_meta %} prints the robots tag
    }
    if query:
        context["items"], context["result_count"] = search_query.run_search(request, query, translation.get_language())
    response = render(request, "search/search.html", context)
    if is_results:
        response["X-Robots-Tag"] = "noindex"  # also for crawlers that read headers only
    return response
