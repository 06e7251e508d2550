"""What a page tells search engines and social sites: canonical and alternate addresses, Open
Graph and Twitter card tags, JSON-LD (Organization, BreadcrumbList and, for publications,
Report/ScholarlyArticle) and the breadcrumb trail.

Templates only print what these functions return (the `page_meta` tag and
`includes/breadcrumbs.html`). Which languages a page has, its canonical address and its
alternates come from `core.page_languages`; addresses are absolute, built from the Site record.
What is particular to a page type (its Open Graph type, its structured data such as a
publication's Report, its Scholar tags) comes from the page itself (`open_graph_type`,
`structured_data()`, `citation_meta()`: see core.models.BasePage), never from testing its type.

The language a page's metadata describes is its *content language*: the active language when
the page has it, else English (the page then shows the English text and its canonical URL is
the English one, so og:locale, inLanguage and the citation describe that English page).
"""

import json
from urllib.parse import urlparse

from django.templatetags.static import static
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

import languages as language_registry
from core import page_languages as languages
from core.models import SiteSettings
from core.sites import SCHEMA_CONTEXT, absolute_url, content_language, site_for, site_name

# Renditions for social cards: the 1.91:1 size Facebook, LinkedIn and X recommend, as JPEG
# because not every crawler reads AVIF or WebP.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-85"
# The picture a page is shared with: its listing image, else its main picture, else the site
# settings' default share image.
SHARE_IMAGE_FIELDS = ("listing_image", "lead_image", "hero_image", "cover_image")
# Fields that can describe a page in a sentence or two, most specific first.
DESCRIPTION_FIELDS = ("search_description", "teaser", "summary", "intro", "hero_statement", "outcome_headline")
DESCRIPTION_LENGTH = 300
# Text inside <script type="application/ld+json"> must not be able to close the element or
# open a comment: "<" (and ">" and "&" for good measure) become JSON unicode escapes.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


# -- text and images ---------------------------------------------------------------------------
def description(page):
    for name in DESCRIPTION_FIELDS:
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return Truncator(" ".join(value.split())).chars(DESCRIPTION_LENGTH)
    return ""


def share_image(page, request=None):
    for name in SHARE_IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None:
            return image
    if request is not None:
        return SiteSettings.for_request(request).default_share_image
    return None


def image_alt(image):
    """The image's alt text in the active language, followed by its photo credit."""
    alt = " ".join((image.default_alt_text or "").split())
    credit = (getattr(image, "credit", "") or "").strip()
    if not credit:
        return alt
    photo = _("Photo: %(credit)s") % {"credit": credit}
    if alt and not alt.endswith((".", "!", "?")):
        alt += "."
    return f"{alt} {photo}".strip()


def share_image_data(page, request):
    """url, width, height, alt and type of the page's social card picture, or None."""
    image = share_image(page, request)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except Exception:  # a missing or broken original must not break the page
        return None
    return {
        "url": absolute_url(rendition.url, request),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image_alt(image),
        "type": "image/jpeg",
    }


# -- breadcrumbs -------------------------------------------------------------------------------
def breadcrumbs(page, request):
    """The trail from the site's home page to this page, in the active language.

    One query for the ancestors (cached on the page for the rest of the request). The page
    itself is the object being shown, so a preview shows its edited title.
    """
    language = translation.get_language()
    cache = page.__dict__.setdefault("_breadcrumbs_cache", {})
    if language in cache:
        return cache[language]
    site = site_for(request)
    root_depth = site.root_page.depth if site is not None else 2
    trail_pages = []
    if page.pk and page.depth and page.depth > root_depth:
        trail_pages = list(page.get_ancestors().filter(depth__gte=root_depth))
    trail_pages.append(page)
    trail = []
    for position, item in enumerate(trail_pages, start=1):
        is_home = item.depth == root_depth
        shown = languages.displayed_language(item, "title", language)
        trail.append(
            {
                "position": position,
                "title": _("Home") if is_home else item.title,
                "lang": "" if is_home or shown == language else shown,
                "url": item.get_url(request=request),
                "full_url": item.get_full_url(request=request),
                "is_current": item is page,
            }
        )
    cache[language] = trail
    return trail


# -- JSON-LD -----------------------------------------------------------------------------------
def json_ld_script_content(data):
    """JSON for a <script type="application/ld+json"> element, safe to print unescaped."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"), default=str)
    return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped just above


def organization_id(request):
    site = site_for(request)
    return f"{site.root_url}/#organization" if site is not None else "#organization"


def organization_reference(request):
    return {"@type": "Organization", "@id": organization_id(request), "name": site_name(request)}


def organization_ld(page, request):
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Organization",
        "@id": organization_id(request),
        "name": site_name(request),
        "url": languages.canonical_url(page, request),
        "logo": absolute_url(static("img/favicon.svg"), request),
    }
    text = description(page)
    if text:
        data["description"] = text
    if request is not None:
        same_as = [url for _name, url in SiteSettings.for_request(request).social_links()]
        if same_as:
            data["sameAs"] = same_as
    return data


def breadcrumb_list_ld(trail):
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": crumb["position"], "name": crumb["title"], "item": crumb["full_url"]}
            for crumb in trail
        ],
    }


# -- Open Graph and Twitter --------------------------------------------------------------------
def og_type(page):
    """Dated pieces of writing say "article" (their `open_graph_type`); the rest "website"."""
    return getattr(page, "open_graph_type", "website")


def og_locale(code):
    """Open Graph wants language_TERRITORY (from the language registry)."""
    return language_registry.get(code).og_locale if language_registry.is_language(code) else code


def open_graph(page, request, *, title, text, canonical, language, image):
    tags = [
        ("og:site_name", site_name(request)),
        ("og:type", og_type(page)),
        ("og:title", title),
        ("og:url", canonical),
        ("og:locale", og_locale(language)),
    ]
    tags += [("og:locale:alternate", og_locale(code)) for code in languages.page_languages(page) if code != language]
    if text:
        tags.append(("og:description", text))
    if image:
        tags += [
            ("og:image", image["url"]),
            ("og:image:type", image["type"]),
            ("og:image:width", str(image["width"])),
            ("og:image:height", str(image["height"])),
        ]
        if image["alt"]:
            tags.append(("og:image:alt", image["alt"]))
    if og_type(page) == "article":
        display_date = getattr(page, "display_date", None)
        if display_date:
            tags.append(("article:published_time", display_date.isoformat()))
        if page.last_published_at:
            tags.append(("article:modified_time", page.last_published_at.isoformat(timespec="seconds")))
    return tags


def x_handle(request):
    """The site's X (Twitter) handle, "@name", from the address in the site settings."""
    if request is None:
        return ""
    url = SiteSettings.for_request(request).x_url
    parsed = urlparse(url or "")
    host = parsed.netloc.lower().removeprefix("www.")
    name = parsed.path.strip("/").split("/")[0]
    if host in {"x.com", "twitter.com"} and name:
        return f"@{name}"
    return ""


def twitter_card(request, *, title, text, image):
    tags = [("twitter:card", "summary_large_image" if image else "summary"), ("twitter:title", title)]
    if text:
        tags.append(("twitter:description", text))
    if image:
        tags.append(("twitter:image", image["url"]))
        if image["alt"]:
            tags.append(("twitter:image:alt", image["alt"]))
    handle = x_handle(request)
    if handle:
        tags.append(("twitter:site", handle))
    return tags


# -- everything page_meta prints ---------------------------------------------------------------
def page_metadata(page, request, *, noindex=False, feeds=None, url_suffix=None):
    """The context of includes/page_meta.html for a Wagtail page.

    `url_suffix` ({language: "pasados/"}) is for a page's own sub-address (a routable page's
    route with a translated segment): canonical and alternates then name that address.
    """
    language = content_language(page)
    suffix = url_suffix or {}
    canonical = languages.canonical_url(page, request) + suffix.get(language, "")
    title = page.seo_title or page.title
    text = description(page)
    image = share_image_data(page, request)
    trail = breadcrumbs(page, request)

    json_ld = []
    if len(trail) == 1:  # the site's home page
        json_ld.append(organization_ld(page, request))
    json_ld.append(breadcrumb_list_ld(trail))
    if hasattr(page, "structured_data"):
        json_ld += page.structured_data(request, image=image, publisher=organization_reference(request))
    citation_meta = page.citation_meta(request) if hasattr(page, "citation_meta") else []

    return {
        "noindex": bool(noindex),
        "canonical": canonical,
        # A filtered listing asks not to be indexed, so it announces no translations either.
        "alternates": []
        if noindex
        else [(code, url + suffix.get(code, "")) for code, url in languages.alternates(page, request)],
        "x_default": ""
        if noindex
        else languages.page_full_url(page, languages.SOURCE_LANGUAGE, request)
        + suffix.get(languages.SOURCE_LANGUAGE, ""),
        "feeds": feeds or [],
        "open_graph": open_graph(
            page, request, title=title, text=text, canonical=canonical, language=language, image=image
        ),
        "twitter": twitter_card(request, title=title, text=text, image=image),
        "citation_meta": citation_meta,
        "json_ld": [json_ld_script_content(data) for data in json_ld],
    }
