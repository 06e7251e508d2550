"""Admin pieces of the translation tools."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.auth import permission_denied

from . import (
    admin_files,  # noqa: F401  export/import of translation files (PO, XLIFF)
    permissions,
    urls,
)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("translations/", include(urls, namespace="translations"))]


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("translations/admin.css"))


# -- translators may not delete, move or copy pages ---------------------------------------------
# The page permission tester hides those actions (translations.permissions.page_permissions);
# these hooks also refuse them when reached directly or through bulk actions on plain pages.
def _refuse(request):
    if request.user.is_authenticated and permissions.is_restricted(request.user):
        return permission_denied(request)
    return None


@hooks.register("before_delete_page")
def refuse_delete(request, page):
    return _refuse(request)


@hooks.register("before_move_page")
def refuse_move(request, page, destination):
    return _refuse(request)


@hooks.register("before_copy_page")
def refuse_copy(request, page):
    return _refuse(request)


@hooks.register("before_bulk_action")
def refuse_bulk(request, action_type, objects, action_class_instance):
    if action_type in {"delete", "move", "copy"} and action_class_instance.model._meta.label == "wagtailcore.Page":
        return _refuse(request)
    return None
