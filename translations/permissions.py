"""Who may write which language.

- Superusers and users with `translations.translate_all` (the Editors and Moderators groups, by
  migration) edit every field, English included.
- Everyone else is *restricted*: they may write only the languages they hold
  `translations.translate_<code>` for (given by the "Translators: Spanish"... groups); every other
  field is shown read-only, and they may not delete, move or copy pages (`translations.wagtail_hooks`).
  Publishing is already withheld by page permissions: the Translators group has "change" only, so
  their work goes through the translation review workflow.
"""

from wagtail.models import PagePermissionTester

import languages

ALL = "translations.translate_all"


def language_permission(language):
    return f"translations.translate_{language}"


def is_restricted(user):
    return not (user.is_superuser or user.has_perm(ALL))


def writable_languages(user):
    """The languages whose fields `user` may edit, English first when allowed."""
    if not user.is_authenticated or not user.is_active:
        return []
    if not is_restricted(user):
        return [languages.SOURCE_LANGUAGE, *languages.TARGET_LANGUAGES]
    return [code for code in languages.TARGET_LANGUAGES if user.has_perm(language_permission(code))]


def can_write(user, language):
    return language in writable_languages(user)


def translatable_languages(user):
    """The languages `user` may translate into (superuser, translate_all or translate_<code>);
    English is written, not translated, so it is never one of them."""
    if user is None:
        return []
    return [code for code in writable_languages(user) if code in languages.TARGET_LANGUAGES]


def can_translate(user, language):
    """May `user` write the translations of `language` (e.g. through a translation file)?"""
    return language in translatable_languages(user)


def can_edit(user, obj):
    """May `user` change this object in the admin? Pages: page permissions, and not locked;
    images: collection permissions; snippets and settings: the model's change permission, and
    for regions and series not locked (in review, or by someone else)."""
    # Imported here: this module is imported while models load (translations.locking), and
    # Wagtail's image permission policy needs the image model.
    from wagtail.images import get_image_model
    from wagtail.images.permissions import permission_policy as image_permission_policy
    from wagtail.models import Page

    if isinstance(obj, Page):
        tester = obj.permissions_for_user(user)
        return tester.can_edit() and not tester.page_locked()
    if isinstance(obj, get_image_model()):
        return image_permission_policy.user_has_permission_for_instance(user, "change", obj)
    opts = obj._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return False
    lock = obj.get_lock() if hasattr(obj, "get_lock") else None  # snippets with drafts (in review)
    return not (lock and lock.for_user(user))


def uses_translation_tools(user):
    """May see the status report and the export/import tools."""
    return bool(writable_languages(user))


class TranslatorAwarePermissionTester(PagePermissionTester):
    """Wagtail's page permission tester, minus deleting, moving and copying for translators."""

    def _translator(self):
        return self.user.is_authenticated and is_restricted(self.user)

    def can_delete(self, ignore_bulk=False):
        return not self._translator() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return not self._translator() and super().can_move()

    def can_copy(self):
        return not self._translator() and super().can_copy()


def page_permissions(page, user):
    """PAGE_PERMISSION_TESTER hook (core.models.BasePage.permissions_for_user)."""
    return TranslatorAwarePermissionTester(user, page)
