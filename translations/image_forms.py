"""The image form with translators' language locks (WAGTAILIMAGES_IMAGE_FORM_BASE).

Kept apart from `translations.locking` because Wagtail's image forms cannot be imported while
models are still loading.
"""

from wagtail.images.forms import BaseImageForm

from .locking import LanguageLockMixin


class LanguageLockedImageForm(LanguageLockMixin, BaseImageForm):
    pass
