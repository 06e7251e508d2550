"""Template tags for what a page tells search engines and social sites (`page_meta`) and visitors
about where they are (breadcrumbs)."""

from django import template
from wagtail.models import Page

from seo import metadata as seo

register = template.Library()


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The trail from the home page to the current page (empty outside Wagtail pages)."""
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return seo.breadcrumbs(page, context.get("request"))


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Canonical, hreflang, robots, feed links, Open Graph, Twitter, citation_* and JSON-LD.

    `noindex` (a filtered listing), `feeds` (list of url/title/type) and `page_url_suffix` (a
    routable page's sub-address per language, e.g. the past events) come from the view's context;
    everything else is built by `seo.metadata`.
    """
    request = context.get("request")
    page = context.get("page")
    noindex, feeds = bool(context.get("noindex")), context.get("feeds") or []
    if not isinstance(page, Page):
        return {"noindex": noindex, "feeds": feeds}
    return seo.page_metadata(page, request, noindex=noindex, feeds=feeds, url_suffix=context.get("page_url_suffix"))
