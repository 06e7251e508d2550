"""Core models: the image model, the abstract base page, site settings and the search index."""

from core.models.images import SiteImage, SiteImageRendition
from core.models.pages import BasePage, IndexPageMixin, concrete_page_types, display_date_expression, image_field
from core.models.search_index import SearchEntry, TsvectorField
from core.models.site_settings import FooterLink, HeaderLink, SiteSettings, SocialLinks

__all__ = [
    "BasePage",
    "FooterLink",
    "HeaderLink",
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
