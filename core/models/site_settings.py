"""Site-wide settings editors change in the admin: the header and footer navigation, footer text,
newsletter and social links, and the picture a page is shared with when it has none of its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.blocks import PageChooserBlock
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from core.forms import TranslatedModelForm
from core.models.pages import image_field


class SocialLinks(models.Model):
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)

    class Meta:
        abstract = True


@register_setting(icon="site")
class SiteSettings(SocialLinks, BaseSiteSetting):
    # The navigation: pages in the editor's order, labelled with their own titles, so translated
    # with the pages and linked in the visitor's language (core.site_navigation reads them).
    header_links = StreamField(
        [("page", PageChooserBlock(label=_("Page")))],
        blank=True,
        verbose_name=_("header navigation"),
        help_text=_(
            "The pages of the main navigation, in this order. Left empty, the home page's children "
            "marked “Show in menus” are listed."
        ),
    )
    footer_links = StreamField(
        [("page", PageChooserBlock(label=_("Page")))], blank=True, verbose_name=_("footer navigation")
    )
    footer_text = models.TextField(_("footer text"), blank=True)
    newsletter_url = models.URLField(_("newsletter sign-up address"), blank=True)
    default_share_image = image_field(
        _("default share image"),
        _("Shown when a page without a picture of its own is shared on social sites."),
    )

    base_form_class = TranslatedModelForm

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("header_links"),
                    FieldPanel("footer_links"),
                ],
                heading=_("Navigation"),
            ),
            ObjectList(
                [
                    FieldPanel("footer_text"),
                    FieldPanel("newsletter_url"),
                    FieldPanel("default_share_image"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("facebook_url"), FieldPanel("x_url")]),
                            FieldRowPanel([FieldPanel("linkedin_url"), FieldPanel("youtube_url")]),
                            FieldPanel("instagram_url"),
                        ],
                        heading=_("Social links"),
                    ),
                ],
                heading=_("Footer and sharing"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("site settings")
        db_table = "wiegosite_sitesettings"  # the table of the app this model lived in before core

    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
            ("Instagram", self.instagram_url),
        ]
        return [(name, url) for name, url in links if url]
