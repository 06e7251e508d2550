"""Site-wide settings editors change in the admin: the header and footer navigation, footer text,
newsletter and social links, and the picture a page is shared with when it has none of its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

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
class SiteSettings(SocialLinks, BaseSiteSetting, ClusterableModel):
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
                    InlinePanel(
                        "header_links",
                        label=_("Header link"),
                        heading=_("Header navigation"),
                        help_text=_(
                            "The pages of the main navigation, in this order. Left empty, the home page's "
                            "children marked “Show in menus” are listed."
                        ),
                    ),
                    InlinePanel("footer_links", label=_("Footer link"), heading=_("Footer navigation")),
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


class NavigationLink(Orderable):
    """A page in the header or footer navigation. Its label is the page's own title (or its menu
    title) in the visitor's language, so translators translate it once, with the page, and the link
    follows the language like every other page link."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        abstract = True


class HeaderLink(NavigationLink):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="header_links")


class FooterLink(NavigationLink):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_links")
