"""Admin pieces of the translation tools."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import ObjectList
from wagtail.models import Page

from core.extension_points import PAGE_EDIT_TABS, PAGE_PERMISSION_TESTER, RESTRICT_ADMIN_FORM

from . import (
    admin_files,  # noqa: F401  export/import of translation files (PO, XLIFF)
    permissions,
    urls,
)
from .panels import TranslationStatusPanel
from .read_only_fields import lock_languages
from .review_panel import replace_review_panel

# Translators edit only their languages (read-only fields everywhere else)...
hooks.register(RESTRICT_ADMIN_FORM, lock_languages)
# ...and may not delete, move or copy pages (the tester hides those actions).
hooks.register(PAGE_PERMISSION_TESTER, permissions.page_permissions)


@hooks.register(PAGE_EDIT_TABS)
def translation_tab():
    """The "Translation" tab of every page's editor: the page's status, field by field."""
    return [ObjectList([TranslationStatusPanel()], heading=_("Translation"))]


# Moderators' "Awaiting your review" shows which languages each submission changes.
hooks.register("construct_homepage_panels", replace_review_panel)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("translations/", include(urls, namespace="translations"))]


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("translations/admin.css"))


@hooks.register("insert_editor_js")
def editor_js():
    """Marks out-of-date translations beside their fields (data from the Translation tab)."""
    return format_html('<script src="{}" defer></script>', static("translations/outdated-marks.js"))


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
    if action_type in {"delete", "move", "copy"} and issubclass(action_class_instance.model, Page):
        return _refuse(request)
    return None
