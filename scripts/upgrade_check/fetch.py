"""What the site answers, fetched through Django's test client (imported after django.setup()).

Every live page in every language (its URL from `page.get_url()` under `translation.override`),
the preview of every page with unpublished changes in every language, a few site-wide addresses
(sitemap, robots.txt, search, feeds), every redirect's old address, and every image, rendition and
document file. Bodies of HTML and XML are stored normalised (`normalise.py`); files by SHA-256.
"""

import hashlib
import logging
import sys
import traceback
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from .normalise import normalise

HEADERS = ["Content-Type", "Content-Language", "Location", "X-Robots-Tag", "Content-Security-Policy"]
SEARCH_QUERIES = ["workers", "trabajadoras", "travailleuses", "trabalhadoras"]


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


class Fetcher:
    def __init__(self):
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()
        self.site = site
        host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
        if site.hostname not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
            settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, site.hostname]
        secure = site.port == 443
        self.client = Client(
            raise_request_exception=False,
            HTTP_HOST=host,
            SERVER_PORT=str(site.port),
            **({"wsgi.url_scheme": "https"} if secure else {}),
        )
        self.normalised = {}  # normaliser name -> how often it applied
        logging.getLogger("django.request").setLevel(logging.CRITICAL)

    def get(self, path, body=True):
        """{status, headers, body or sha256} of one GET, following no redirect."""
        try:
            # The site's LocaleMiddleware activates the request's language and leaves it active:
            # restore the caller's, so that `page.url_path` and titles read after this are stable.
            with translation.override(translation.get_language()):
                response = self.client.get(path)
        except Exception:  # a crash is recorded as what the address answers, not raised
            return {"status": "exception", "error": traceback.format_exc(limit=3).splitlines()[-1]}
        result = {"status": response.status_code}
        result["headers"] = {name: response[name] for name in HEADERS if response.has_header(name)}
        content = b"".join(response.streaming_content) if response.streaming else response.content
        if response.status_code >= 500:
            print(f"  {path}: {response.status_code}", file=sys.stderr)
        kind = result["headers"].get("Content-Type", "")
        if body and ("html" in kind or "xml" in kind or kind.startswith("text/")):
            result["body"] = normalise(content.decode("utf-8", "replace"), self.normalised)
        else:
            result["sha256"] = hashlib.sha256(content).hexdigest()
            result["bytes"] = len(content)
        return result


def _path(url):
    """The path (and query) of a URL that may be absolute."""
    if not url:
        return None
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def page_key(page):
    """A page's identity across the two codes: its English url_path (app labels may change)."""
    with translation.override("en"):
        return page.url_path


def live_pages(fetcher):
    """{"<url_path> [<lang>]": {url, status, headers, body}} for every live page and language."""
    out = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        for code in language_codes():
            with translation.override(code):
                url = page.get_url()
            path = _path(url)
            if path is None:
                out[f"{page_key(page)} [{code}]"] = {"url": None}
                continue
            with translation.override(code):
                result = fetcher.get(path)
            out[f"{page_key(page)} [{code}]"] = {"url": path, **result}
    return out


def previews(fetcher):
    """The latest draft of every page with unpublished changes, previewed in every language."""
    out = {}
    for page in Page.objects.filter(has_unpublished_changes=True).order_by("path"):
        draft = page.specific.get_latest_revision_as_object()
        for code in language_codes():
            key = f"{page_key(page)} [{code}]"
            try:
                with translation.override(code):
                    response = draft.make_preview_request(None, code)
                content = response.content.decode("utf-8", "replace")
                out[key] = {"status": response.status_code, "body": normalise(content, fetcher.normalised)}
            except Exception:
                out[key] = {"status": "exception", "error": traceback.format_exc(limit=3).splitlines()[-1]}
    return out


def site_wide(fetcher):
    """Addresses that are not pages: sitemap, robots.txt, the search page and results, feeds."""
    paths = ["/sitemap.xml", "/robots.txt", "/"]
    for code in language_codes():
        paths.append(f"/{code}/search/")
        paths.extend(f"/{code}/search/?q={query}" for query in SEARCH_QUERIES)
        paths.extend(f"/{code}/feeds/library/{fmt}/" for fmt in ("rss", "atom"))
    return {path: fetcher.get(path) for path in paths}


def redirects(fetcher):
    """{old path: what it answers} for every redirect, plus where it is meant to go."""
    out = {}
    for redirect in Redirect.objects.order_by("old_path", "pk"):
        target = redirect.redirect_page.url_path if redirect.redirect_page_id else redirect.redirect_link
        answer = fetcher.get(redirect.old_path, body=False)
        answer.pop("sha256", None)
        answer.pop("bytes", None)
        out[redirect.old_path] = {
            "target": target,
            "permanent": redirect.is_permanent,
            "status": answer["status"],
            "location": answer.get("headers", {}).get("Location"),
        }
    return out


def media(fetcher):
    """Every image, rendition and document file as the site serves it (status and SHA-256)."""
    images, renditions, documents = {}, {}, {}
    for image in get_image_model().objects.order_by("pk"):
        images[image.file.name] = {"title": image.title, "url": image.file.url, **fetcher.get(image.file.url, False)}
        for rendition in image.renditions.order_by("filter_spec", "pk"):
            key = f"{image.file.name} {rendition.filter_spec}"
            renditions[key] = {"url": rendition.url, **fetcher.get(rendition.url, False)}
    for document in get_document_model().objects.order_by("pk"):
        documents[document.file.name] = {"title": document.title, "url": document.url, **fetcher.get(document.url)}
    return {"images": images, "renditions": renditions, "documents": documents}
