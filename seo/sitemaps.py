"""sitemap.xml and robots.txt.

The sitemap lists every live, public page of the site once per language it really has
(`languages.page_languages`), each entry with `xhtml:link` alternates for those languages and an
`x-default` pointing at English. Addresses are absolute, built from the Site record.

A large site is split: pages are taken in tree order, `pages_per_file()` at a time (each page
gives at most one URL per language, so a file holds at most 4 x 1,250 = 5,000 URLs, well under
the protocol's 50,000). While the whole site fits in one file, /sitemap.xml is that file; beyond
that /sitemap.xml is a sitemap index pointing at /sitemap-1.xml, /sitemap-2.xml, ...

Cost: one file costs the same handful of queries however many pages it holds: a count, the
private sections, the pages of the file, then one query per page type (`.specific()` loads
them in bulk). Site root paths come from the cache, once per language.
"""

import math
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from core import page_languages as languages

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
DEFAULT_PAGES_PER_FILE = 1250  # x 4 languages = at most 5,000 URLs per file
XML_CONTENT_TYPE = "application/xml; charset=utf-8"


def pages_per_file():
    return max(1, int(getattr(settings, "WIEGO_SITEMAP_PAGES_PER_FILE", DEFAULT_PAGES_PER_FILE)))


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    return site


def sitemap_pages(site):
    """Every live, public page of the site, in tree order (stable across requests)."""
    return Page.objects.live().public().descendant_of(site.root_page, inclusive=True).order_by("path")


def _lastmod(value):
    return value.isoformat(timespec="seconds") if value else ""


def url_entries(pages, request):
    """(loc, lastmod, [(hreflang, href), ...]) for each page in each language it has.

    Languages are the outer loop so that wagtail-modeltranslation's per-language site root
    paths, cached on the request, are looked up once per language rather than once per URL.
    """
    pages = list(pages)
    page_langs = {page.pk: languages.page_languages(page) for page in pages}
    urls = {page.pk: {} for page in pages}
    for code in languages.LANGUAGE_CODES:
        with translation.override(code):
            for page in pages:
                if code in page_langs[page.pk]:
                    urls[page.pk][code] = page.get_full_url(request)

    entries = []
    for page in pages:
        by_language = {code: url for code, url in urls[page.pk].items() if url}
        if not by_language:
            continue  # not routable (outside every site)
        alternates = list(by_language.items())
        default = by_language.get(languages.SOURCE_LANGUAGE)
        if default:
            alternates.append(("x-default", default))
        lastmod = _lastmod(page.last_published_at)
        for code in page_langs[page.pk]:
            if code in by_language:
                entries.append((by_language[code], lastmod, alternates))
    return entries


def render_urlset(entries):
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    for loc, lastmod, alternates in entries:
        lines.append(f"<url><loc>{escape(loc)}</loc>")
        if lastmod:
            lines.append(f"<lastmod>{lastmod}</lastmod>")
        lines.extend(
            f'<xhtml:link rel="alternate" hreflang={quoteattr(code)} href={quoteattr(href)}/>'
            for code, href in alternates
        )
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def render_index(sections):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for loc, lastmod in sections:
        lines.append(f"<sitemap><loc>{escape(loc)}</loc>")
        if lastmod:
            lines.append(f"<lastmod>{lastmod}</lastmod>")
        lines.append("</sitemap>")
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def _xml_response(body):
    return HttpResponse(body, content_type=XML_CONTENT_TYPE)


def _section_response(request, site, pages, number):
    size = pages_per_file()
    chunk = pages[(number - 1) * size : number * size].specific()
    return _xml_response(render_urlset(url_entries(chunk, request)))


@require_safe
def sitemap(request):
    """The whole sitemap while it fits in one file, else the index of its files."""
    site = _site(request)
    pages = sitemap_pages(site)
    size = pages_per_file()
    dates = list(pages.values_list("last_published_at", flat=True))
    if len(dates) <= size:
        return _section_response(request, site, pages, 1)

    sections = []
    for number in range(1, math.ceil(len(dates) / size) + 1):
        published = [value for value in dates[(number - 1) * size : number * size] if value]
        path = reverse("sitemap_section", kwargs={"section": number})
        sections.append((site.root_url + path, _lastmod(max(published)) if published else ""))
    return _xml_response(render_index(sections))


@require_safe
def sitemap_section(request, section):
    """One file of a sitemap too large for one (also answers for a small site: /sitemap-1.xml)."""
    site = _site(request)
    pages = sitemap_pages(site)
    if section < 1 or (section - 1) * pages_per_file() >= pages.count():
        raise Http404("No such sitemap file.")
    return _section_response(request, site, pages, section)


def search_paths():
    """The site search address in every language (the search app names its URL "search")."""
    paths = []
    for code in languages.LANGUAGE_CODES:
        with translation.override(code):
            try:
                paths.append(reverse("search"))
            except NoReverseMatch:
                paths.append(f"/{code}/search/")
    return paths


@require_safe
def robots_txt(request):
    """Crawl everything public except the admin and search results (the search address with a
    query string; the bare search page may be crawled); point at the sitemap."""
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines = ["User-agent: *", f"Disallow: {reverse('wagtailadmin_home')}"]
    lines += [f"Disallow: {path}?" for path in search_paths()]
    lines += ["", f"Sitemap: {root_url}{reverse('sitemap')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
