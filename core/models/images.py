"""The site's image model: alt text and caption in every language, and a photo credit."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index

import languages


class SiteImage(AbstractImage):
    """An image with alt text and caption in every language, and a photo credit.

    Wagtail's own `description` field is the alt text; it is translated like the caption.
    """

    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or source, shown with the image.")
    )

    admin_form_fields = (
        "title",
        "file",
        "collection",
        *languages.localized_fields("description"),
        *languages.localized_fields("caption"),
        "credit",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    search_fields = [*Image.search_fields, index.SearchField("caption"), index.SearchField("credit")]

    class Meta(AbstractImage.Meta):
        db_table = "wiegosite_siteimage"  # the table of the app this model lived in before core


class SiteImageRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
        db_table = "wiegosite_siteimagerendition"
