"""Template tags for what the page tells visitors about where they are (breadcrumbs)."""

from django import template
from wagtail.models import Page

from wiegosite import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The trail from the home page to the current page (empty outside Wagtail pages)."""
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return seo.breadcrumbs(page, context.get("request"))
