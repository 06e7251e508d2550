"""Old addresses keep working: a redirect per language when a page's address changes.

A page's address in a language changes when its slug in that language changes, when an
ancestor's slug changes, or when it moves. Wagtail's own automatic redirects only know one
address per page, so they are turned off (WAGTAILREDIRECTS_AUTO_CREATE) and this module makes
one redirect per language and per page of the moved subtree, pointing at the page itself, so a
later rename still lands on the page's current address.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from core import page_languages as languages


def _tracks_addresses(update_fields):
    if update_fields is None:
        return True
    return any(name.startswith(("slug", "url_path")) for name in update_fields)


def addresses_before_save(page, update_fields=None):
    """Every language's url_path of the page and its descendants, as stored before the save."""
    if not page.pk or not _tracks_addresses(update_fields):
        return None
    fields = languages.url_path_fields()
    stored = Page.objects.filter(pk=page.pk).values("path", "depth", *fields).first()
    if stored is None:
        return None
    rows = Page.objects.filter(path__startswith=stored["path"], depth__gt=stored["depth"]).values("pk", *fields)
    return {"page": stored, "descendants": list(rows)}


def _site_root_paths(page):
    """The url_path of the page's site root in each language, or None for a site root itself."""
    for site in Site.objects.select_related("root_page"):
        root = site.root_page
        if root.pk == page.pk:
            return site, None
        if page.path.startswith(root.path):
            return site, {
                code: getattr(root, f)
                for code, f in zip(languages.LANGUAGE_CODES, languages.url_path_fields(), strict=True)
            }
    return None, None


def _public_path(url_path, root_path, language):
    if not url_path or not root_path or not url_path.startswith(root_path):
        return None
    with translation.override(language):
        return reverse("wagtail_serve", args=[url_path[len(root_path) :]])


def create_for_changed_addresses(page, before):
    if not before:
        return
    site, root_paths = _site_root_paths(page)
    if root_paths is None:
        return  # a site root's public addresses do not contain its own slug
    moved = []
    for code, field in zip(languages.LANGUAGE_CODES, languages.url_path_fields(), strict=True):
        old_path, new_path = before["page"][field], getattr(page, field)
        if not old_path or old_path == new_path:
            continue
        moved.append((code, page.pk, old_path))
        moved.extend(
            (code, row["pk"], row[field])
            for row in before["descendants"]
            if row[field] and row[field].startswith(old_path)
        )
    if not moved:
        return
    redirects = {}
    for code, page_pk, old_url_path in moved:
        old_public = _public_path(old_url_path, root_paths[code], code)
        if old_public:
            old_public = Redirect.normalise_path(old_public)
            redirects[old_public] = Redirect(
                old_path=old_public, site=site, redirect_page_id=page_pk, is_permanent=True, automatically_created=True
            )
    with transaction.atomic():
        Redirect.objects.filter(site=site, old_path__in=list(redirects)).delete()
        Redirect.objects.bulk_create(redirects.values())
