"""Admin registrations of the search app."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SearchPromotion


class SearchPromotionViewSet(SnippetViewSet):
    """Promoted search results: editors put chosen pages first for a query, per language."""

    model = SearchPromotion
    icon = "pick"
    menu_label = _("Promoted search results")
    add_to_admin_menu = False  # listed under Snippets
    list_display = ["query", "language", "page", "sort_order"]
    list_filter = ["language"]
    search_fields = ["query"]
    search_backend_name = None  # a plain database search over the query text
    ordering = ["language", "normalised_query", "sort_order"]


register_snippet(SearchPromotionViewSet)
