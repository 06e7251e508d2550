"""The image form (WAGTAILIMAGES_IMAGE_FORM_BASE), restrictable like the other admin forms, whose
file field refuses decompression bombs with a form error.

Kept apart from `core.forms` because Wagtail's image forms cannot be imported while models are
still loading.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL.Image import DecompressionBombError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from core.forms import RestrictableFormMixin


class SiteImageField(WagtailImageField):
    """Wagtail's image field, with a form error for an image Pillow refuses to open.

    Wagtail compares the size with WAGTAILIMAGES_MAX_IMAGE_PIXELS after opening the image with
    Pillow, which raises (a 500) for an image far above its own limit (about 179 million pixels):
    a PNG of 30,000 by 30,000 pixels in one colour, 100 kB, is such a decompression bomb. Here
    Pillow's refusal becomes a form error too.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["image_too_many_pixels"] = _(
            "This image has too many pixels (at most %(max_pixels_count)s)."
        ) % {"max_pixels_count": self.max_image_pixels}

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except DecompressionBombError as error:
            raise ValidationError(self.error_messages["image_too_many_pixels"], code="file_too_many_pixels") from error


class TranslatedImageForm(RestrictableFormMixin, BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds the file field in its form factory (no hook for its class): swap it for
        # one that refuses decompression bombs, keeping its label, widget and requiredness.
        field = self.fields.get("file")
        if field is not None and not isinstance(field, SiteImageField):
            self.fields["file"] = SiteImageField(label=field.label, required=field.required, widget=field.widget)
