"""The image form (WAGTAILIMAGES_IMAGE_FORM_BASE), restrictable like the other admin forms.

Kept apart from `core.forms` because Wagtail's image forms cannot be imported while models are
still loading.
"""

from wagtail.images.forms import BaseImageForm

from core.forms import RestrictableFormMixin


class TranslatedImageForm(RestrictableFormMixin, BaseImageForm):
    pass
