"""The search page: editors' promotions first, then the index's ranked matches, ten to a page.

The index itself (what is indexed, how a query matches in each language) is core.search_index.
"""

from dataclasses import dataclass

from django.core.paginator import Page as DjangoPage
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

import languages
from core import page_languages
from core.listings import paginate
from core.search_index import matching_entries, normalise_query
from search.models import SearchPromotion

RESULTS_PER_PAGE = 10


@dataclass
class SearchResult:
    page: Page
    is_fallback: bool  # the page lacks the visitor's language: its English text matched
    is_promoted: bool = False


def visible_pages(site: Site | None = None) -> QuerySet:
    """Pages a visitor may find: live, public, and in this site."""
    pages = Page.objects.live().public()
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages


def promotions(query: str, language: str, pages: QuerySet) -> list[SearchPromotion]:
    """Editors' promoted pages for this query in this language, in their order, one per page."""
    found = (
        SearchPromotion.objects.filter(language=language, normalised_query=normalise_query(query), page__in=pages)
        .order_by("sort_order", "pk")
        .only("pk", "page_id")
    )
    seen, unique = set(), []
    for promotion in found:
        if promotion.page_id not in seen:
            seen.add(promotion.page_id)
            unique.append(promotion)
    return unique


def load_results(entries, promoted=()) -> list[SearchResult]:
    """SearchResults for a page of entries, promoted pages first, loading the pages in one query
    per page type whatever the number of results."""
    page_ids = [promotion.page_id for promotion in promoted] + [entry.page_id for entry in entries]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    language = translation.get_language()
    results = [
        SearchResult(
            pages[p.page_id], not page_languages.page_has_language(pages[p.page_id], language), is_promoted=True
        )
        for p in promoted
        if p.page_id in pages
    ]
    results += [SearchResult(pages[e.page_id], e.is_fallback) for e in entries if e.page_id in pages]
    return results


def run_search(request: HttpRequest, query: str, language: str) -> tuple[DjangoPage, int]:
    """A page of results for the search page (promoted pages first, on the first page only) and
    the total number of results."""
    pages = visible_pages(Site.find_for_request(request))
    promoted = promotions(query, language, pages)
    ranked = matching_entries(query, language, pages, exclude_page_ids=[p.page_id for p in promoted])
    items = paginate(request, ranked, RESULTS_PER_PAGE)
    items.object_list = load_results(items.object_list, promoted if items.number == 1 else ())
    return items, len(promoted) + items.paginator.count


def switcher_links(request: HttpRequest) -> list[dict]:
    """The language switcher of the search page: the same search in each language."""
    query = request.GET.urlencode()
    links = []
    for language in languages.REGISTRY:
        code, name = language.code, language.native_name
        with translation.override(code):
            url = reverse("search")
        links.append(
            {
                "code": code,
                "name": name,
                "url": f"{url}?{query}" if query else url,
                "is_current": code == translation.get_language(),
                "is_available": True,
            }
        )
    return links
