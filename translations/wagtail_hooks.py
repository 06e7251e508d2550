"""Admin pieces of the translation tools."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import (
    admin_files,  # noqa: F401  export/import of translation files (PO, XLIFF)
    permissions,
    urls,
)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("translations/", include(urls, namespace="translations"))]


class TranslationToolsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.uses_translation_tools(request.user)


@hooks.register("register_reports_menu_item")
def register_status_report():
    return TranslationToolsMenuItem(_("Translation status"), reverse("translations:report"), icon_name="site", order=50)
