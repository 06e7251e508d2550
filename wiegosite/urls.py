from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from publications import feeds
from publications import views as publication_views

from . import sitemaps, views

urlpatterns = [
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("sitemap-<int:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language: /en/, /es/, /fr/, /pt/. A bare "/" is redirected
# by LocaleMiddleware to the browser's language (Accept-Language), else English.
urlpatterns += i18n_patterns(
    path("feeds/library/<str:fmt>/", feeds.library_feed, name="library_feed"),
    path("feeds/programmes/<int:pk>/<str:fmt>/", feeds.programme_feed, name="programme_feed"),
    path("search/", views.search_view, name="search"),
    path("publications/<int:pk>/cite.<str:fmt>", publication_views.citation_download, name="publication_citation"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = views.page_not_found
handler500 = views.server_error
