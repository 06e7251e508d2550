from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import health
from core.document_serving import serve_document

from . import views

urlpatterns = [
    path("", include("seo.urls")),
    path("health/", health.status, name="health"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, without the headers it makes up (core.document_serving).
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
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
    path("", include("publications.urls")),
    path("", include("programmes.urls")),
    path("", include("core.urls")),
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = views.page_not_found
handler500 = views.server_error
