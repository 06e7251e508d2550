"""Addresses for crawlers, outside the language prefixes."""

from django.urls import path

from seo import sitemaps

urlpatterns = [
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("sitemap-<int:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
]
