"""Core's Wagtail hooks: rich text links that cannot break a page (core.rich_text), documents
served with their hash as ETag (core.document_serving), the served page's cache keys
(core.proxy_cache)."""

from wagtail import hooks

from core import document_serving, rich_text
from core.proxy_cache import keys as proxy_cache_keys

hooks.register("before_serve_document", document_serving.hash_before_serving)


@hooks.register("before_serve_page")
def note_served_page(page, request, serve_args, serve_kwargs):
    """The served page's cache keys (core.proxy_cache.keys); serving goes on."""
    proxy_cache_keys.page_served(page)


# After Wagtail's own registrations (order 0), so these handlers replace its page and document ones.
@hooks.register("register_rich_text_features", order=100)
def register_safe_link_handlers(features):
    features.register_link_type(rich_text.SafePageLinkHandler)
    features.register_link_type(rich_text.SafeDocumentLinkHandler)
