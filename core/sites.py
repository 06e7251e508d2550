"""The Site a request belongs to, and absolute addresses on it."""

from urllib.parse import urlparse

from django.conf import settings
from django.utils import translation
from wagtail.models import Site

from core import page_languages as languages

SCHEMA_CONTEXT = "https://schema.org"


def site_for(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    return site


def site_name(request):
    site = site_for(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def absolute_url(url, request):
    """An absolute address for a path, on the Site record's host (storage URLs stay as they are)."""
    if not url or urlparse(url).scheme:
        return url
    site = site_for(request)
    if site is not None:
        return site.root_url + url
    return request.build_absolute_uri(url) if request is not None else url


def content_language(page):
    """The language the page is shown in: the active one if the page has it, else English."""
    active = translation.get_language()
    return active if languages.page_has_language(page, active) else languages.SOURCE_LANGUAGE


def home_url(request, language=None):
    site = site_for(request)
    if site is None:
        return ""
    return languages.page_full_url(site.root_page, language or translation.get_language(), request)
