"""Core models: the image model, the abstract base page, site settings, the search index and the
cache purges that failed."""

from core.models.images import SiteImage, SiteImageRendition
from core.models.pages import BasePage, IndexPageMixin, concrete_page_types, display_date_expression, image_field
from core.models.proxy_cache import FailedPurge
from core.models.search_index import SearchEntry, TsvectorField
from core.models.site_settings import SiteSettings, SocialLinks

__all__ = [
    "BasePage",
    "FailedPurge",
    "IndexPageMixin",
    "SearchEntry",
    "SiteImage",
    "SiteImageRendition",
    "SiteSettings",
    "SocialLinks",
    "TsvectorField",
    "concrete_page_types",
    "display_date_expression",
    "image_field",
]
