"""StreamField blocks shared by every page type, and the one reusable body StreamBlock.

Every block renders through its own template in `templates/blocks/`. Text inside blocks is
translated by field: each language has its own StreamField column (`body_es`, ...), so the
blocks themselves hold plain values.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(
        required=False,
        max_length=500,
        label=_("Caption"),
        help_text=_("Leave empty to use the image's own caption."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("For example 61%"))
    label = blocks.CharBlock(label=_("What it measures"), max_length=200)

    class Meta:
        icon = "pick"
        label = _("Key figure")


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), min_num=1, max_num=6, **kwargs)

    class Meta:
        icon = "pick"
        label = _("Key figures")
        template = "blocks/key_figures_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.TextBlock(required=False, label=_("Text"))
    page = blocks.PageChooserBlock(required=False, label=_("Link to a page"))
    url = blocks.URLBlock(required=False, label=_("or to an address"))
    link_text = blocks.CharBlock(label=_("Link text"), max_length=100)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address, not both."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"


class RelatedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("Heading"), max_length=200)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("Page")), label=_("Pages"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Related pages")
        template = "blocks/related_pages_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of every page type."""

    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Paragraph"), template="blocks/paragraph_block.html"
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    call_to_action = CallToActionBlock()
    related_pages = RelatedPagesBlock()

    class Meta:
        required = False
