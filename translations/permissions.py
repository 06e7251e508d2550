"""Who may write which language.

- Superusers and users with `translations.translate_all` (the Editors and Moderators groups, by
  migration) edit every field, English included.
- Everyone else is *restricted*: they may write only the languages they hold
  `translations.translate_<code>` for (given by the "Translators: Spanish"... groups); every other
  field is shown read-only, and they may not delete, move or copy pages (`translations.wagtail_hooks`).
  Publishing is already withheld by page permissions: the Translators group has "change" only, so
  their work goes through the translation review workflow.
"""

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


def uses_translation_tools(user):
    """May see the status report and the export/import tools."""
    return bool(writable_languages(user))


def page_permissions(page, user):
    """Wagtail's page permission tester, minus deleting, moving and copying for translators."""
    from wagtail.models import PagePermissionTester

    class TranslatorAwarePermissionTester(PagePermissionTester):
        def _translator(self):
            return self.user.is_authenticated and is_restricted(self.user)

        def can_delete(self, ignore_bulk=False):
            return not self._translator() and super().can_delete(ignore_bulk=ignore_bulk)

        def can_move(self):
            return not self._translator() and super().can_move()

        def can_copy(self):
            return not self._translator() and super().can_copy()

    return TranslatorAwarePermissionTester(user, page)
