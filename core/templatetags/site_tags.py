"""Template tags for the site chrome: navigation, language switcher, tags, pictures, pagination."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import QueryDict
from django.utils import translation
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.text import capfirst
from wagtail.models import Page, Site

import languages as languages_registry
from core import page_languages as languages
from core import pictures, query_strings, site_navigation, tagging
from core.models import concrete_page_types

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page.specific if site else None


def header_sections(root, linked=()):
    """The pages of the header: those chosen in Site settings (core.site_navigation) in their
    order, else the home page's live children editors put in menus ("Show in menus"); and always
    the sections whose page type declares `in_header_navigation` (worker groups, ...), so they stay
    reachable from every page however the menus are edited."""
    declared = [model for model in concrete_page_types() if getattr(model, "in_header_navigation", False)]
    always = Q(content_type__in=ContentType.objects.get_for_models(*declared).values()) if declared else Q(pk__in=[])
    if linked:
        shown = {page.pk for page in linked}
        extra = [page for page in root.get_children().live().public().filter(always) if page.pk not in shown]
        return [*linked, *extra]
    return root.get_children().live().public().filter(Q(show_in_menus=True) | always)


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    root = _site_root(request)
    current = context.get("page")
    items = []
    if root is not None:
        pages = header_sections(root, site_navigation.linked_pages(request)["header"])
        for item in pages:
            items.append(
                {
                    "page": item,
                    "url": item.get_url(request=request),
                    "is_current": bool(current and current.pk == item.pk),
                    "is_section": bool(current and current.path.startswith(item.path) and current.pk != item.pk),
                }
            )
    return {"items": items}


@register.inclusion_tag("includes/footer_navigation.html", takes_context=True)
def footer_navigation(context):
    request = context.get("request")
    return {
        "items": [
            {"page": page, "url": page.get_url(request=request)}
            for page in site_navigation.linked_pages(request)["footer"]
        ]
    }


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page's address in the active language (the site logo's link)."""
    request = context.get("request")
    root = _site_root(request)
    return root.get_url(request=request) if root is not None else "/"


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    if context.get("language_links"):
        # Views that are not Wagtail pages (search) provide their own links to themselves.
        return {"links": context["language_links"]}
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        # Pages that are not Wagtail pages (errors): offer each language's home page.
        page = _site_root(request)
    if page is None:
        return {"links": []}
    return {"links": languages.switcher_links(page, request)}


@register.simple_tag
def lang_attr(obj, field_name):
    """` lang="en"` when this field is shown in English because the active language lacks it."""
    shown = languages.displayed_language(obj, field_name)
    if shown != translation.get_language():
        return format_html(' lang="{}"', shown)
    return ""


@register.simple_tag
def card_text(item):
    """The text of a page's listing card: its teaser, else its summary or introduction (the
    type's `card_text_fields`), in the visitor's language when written in it, else in English.
    A dict with `text` and `lang` (the language code when it differs from the active one)."""
    fields = getattr(item, "card_text_fields", ("teaser",))
    text, shown = languages.first_filled(item, fields)
    active = translation.get_language()
    return {"text": text, "lang": shown if shown != active else ""}


@register.filter
def grouped_number(value):
    """A number with its thousands grouped as the visitor's language writes them in running
    text ("1,000", "1 000", "1.000"), so a figure reads like the same figure in the text."""
    if value in (None, ""):
        return ""
    return number_format(value, use_l10n=True, force_grouping=True)


@register.filter
def language_name(code):
    """The name of a language in the visitor's language ("French" on /en/, "francés" on /es/)."""
    return languages_registry.names().get(code, code)


@register.filter
def type_label(item):
    """The page type as visitors know it ("Publication", "Impact story")."""
    model = item if isinstance(item, type) else type(item)
    return capfirst(getattr(model, "type_label", None) or model._meta.verbose_name)


@register.simple_tag
def page_tags(page):
    """(taxonomy, terms) for each taxonomy the page is tagged with (core.tagging)."""
    return tagging.page_tags(page)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (URL-encoded); empty values are
    left out (a link never carries `q=`)."""
    request = context.get("request")
    query = query_strings.without_empty(request.GET) if request is not None else QueryDict(mutable=True)
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag
def page_numbers(items):
    """Page numbers to link to, with None for the gaps of a long listing."""
    return [
        None if number == items.paginator.ELLIPSIS else number
        for number in items.paginator.get_elided_page_range(items.number, on_each_side=2, on_ends=1)
    ]


@register.filter
def shown_in_english(page):
    """True when a page lacks the visitor's language and is shown in English."""
    return not languages.page_has_language(page, translation.get_language())


@register.simple_tag
def picture(image, shape, eager=False, alt=None, css_class=""):
    """A responsive <picture> of an image (AVIF, WebP, JPEG at several widths); see core.pictures."""
    if not image:
        return ""
    return pictures.picture_html(image, shape, eager=eager, alt=alt, css_class=css_class)
