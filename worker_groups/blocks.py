"""Blocks of a worker group's page: key figures with their source, and the organisations and
networks that represent the group (links entered by editors until the directory exists)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SourcedFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("For example 61%"))
    label = blocks.CharBlock(label=_("What it measures"), max_length=200)
    source = blocks.CharBlock(label=_("Source"), max_length=200, help_text=_("Who published it, and when."))
    source_url = blocks.URLBlock(label=_("Link to the source"), required=False)

    class Meta:
        icon = "pick"
        label = _("Key figure")
        template = "worker_groups/blocks/sourced_figure_block.html"


class OrganisationBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    url = blocks.URLBlock(label=_("Website"), required=False)
    description = blocks.TextBlock(label=_("What it does"), required=False, max_length=400)

    class Meta:
        icon = "group"
        label = _("Organisation or network")
        template = "worker_groups/blocks/organisation_block.html"


class KeyFiguresBlock(blocks.StreamBlock):
    figure = SourcedFigureBlock()

    class Meta:
        max_num = 8


class OrganisationsBlock(blocks.StreamBlock):
    organisation = OrganisationBlock()
