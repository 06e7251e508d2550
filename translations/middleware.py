"""Limits for translators that Wagtail's own permissions cannot express.

Translators need "change" on images to write alt text and captions in their languages, but
Wagtail's image permission policy treats "delete" as part of "change". This middleware refuses
image deletion (single, after multiple upload, and bulk) to restricted users
(`translations.permissions.is_restricted`).
"""

from wagtail.admin.auth import permission_denied

from . import permissions

REFUSED_VIEWS = {"wagtailimages:delete", "wagtailimages:delete_multiple"}


class TranslatorLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or not permissions.is_restricted(user):
            return None
        bulk_image_delete = match.view_name == "wagtail_bulk_action" and (
            view_kwargs.get("app_label"),
            view_kwargs.get("action"),
        ) == ("wagtailimages", "delete")
        if match.view_name in REFUSED_VIEWS or bulk_image_delete:
            return permission_denied(request)
        return None
