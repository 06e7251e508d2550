"""Cache-Control and xkey headers for the reverse proxy (core.proxy_cache, CacheHeadersMiddleware):
anonymous public pages in every language may be kept by shared caches, carrying the keys of what
they show; nothing personal ever is."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from standard_pages.models import StandardPage
from tests.helpers import LANGUAGES, make_image, url_in

pytestmark = pytest.mark.django_db


def directives(response):
    return dict([*part.split("=", 1), True][:2] for part in re.split(r"\s*,\s*", response.get("Cache-Control", "")))


def xkeys(response):
    return set(response.get("xkey", "").split())


def assert_private(response):
    assert {"private", "no-store"} <= set(directives(response)), response.get("Cache-Control")
    assert "xkey" not in response


@pytest.mark.parametrize("language", LANGUAGES)
def test_anonymous_page_is_public_in_every_language(client, site_tree, settings, language):
    settings.PUBLIC_CACHE_S_MAXAGE = 3600
    page = site_tree["standard"]
    response = client.get(url_in(page, language))
    assert response.status_code == 200
    cache = directives(response)
    assert cache["public"] is True
    assert cache["s-maxage"] == "3600"
    assert int(cache["max-age"]) == settings.PUBLIC_CACHE_MAX_AGE
    assert cache["stale-while-revalidate"] == str(settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE)
    assert cache["stale-if-error"] == str(settings.PUBLIC_CACHE_STALE_IF_ERROR)
    assert "Set-Cookie" not in response
    # The page, the pages above it (its breadcrumbs) and the site's chrome.
    assert {f"page-{page.pk}", f"in-{site_tree['home'].path}", "site"} <= xkeys(response)


def test_listing_carries_its_type_its_cards_and_their_pictures(client, site_tree):
    image = make_image()
    publication = site_tree["publication"]
    publication.listing_image = image
    publication.save_revision().publish()
    keys = xkeys(client.get(url_in(site_tree["library"], "en")))
    assert "listing:publications.publicationpage" in keys
    assert f"page-{publication.pk}" in keys
    assert f"image-{image.pk}" in keys


def test_home_page_lists_the_types_it_shows(client, site_tree):
    keys = xkeys(client.get(url_in(site_tree["home"], "en")))
    assert {"listing:programmes.programmepage", "listing:publications.publicationpage"} <= keys


@pytest.mark.parametrize("path", ["/sitemap.xml", "/en/feeds/library/rss/", "/en/search/?q=paper"])
def test_responses_that_are_not_pages_belong_to_every_listing(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 200
    assert directives(response)["public"] is True
    assert {"listing:all", "site"} <= xkeys(response)


def test_signed_in_editor_gets_private_pages(admin_client, site_tree):
    assert_private(admin_client.get(url_in(site_tree["standard"], "en")))


def test_admin_and_preview_are_private(admin_client, site_tree):
    page = site_tree["standard"]
    assert_private(admin_client.get(f"/admin/pages/{page.pk}/edit/"))
    assert_private(admin_client.get(f"/admin/pages/{page.pk}/view_draft/"))


def test_admin_sign_in_page_is_private(client):
    assert_private(client.get("/admin/login/"))


def test_post_is_private(client, site_tree):
    response = client.post(url_in(site_tree["standard"], "en"))
    assert response.status_code == 405
    assert_private(response)


def test_language_redirect_is_private(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert_private(response)


def test_not_found_is_private(client, site_tree):
    assert_private(client.get("/en/no-such-page/"))


def test_page_with_a_password_form_is_private(client, site_tree):
    page = site_tree["standard"]
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    response = client.get(url_in(page, "en"))
    assert response.status_code == 200
    assert_private(response)


def test_a_page_that_goes_out_of_date_caps_the_proxy_lifetime(client, site_tree, settings, monkeypatch):
    settings.PUBLIC_CACHE_S_MAXAGE = 86400
    # What a page type with a deadline defines (events do): the moment its page goes out of date.
    monkeypatch.setattr(
        StandardPage, "cache_expires_at", lambda page: timezone.now() + timedelta(seconds=600), raising=False
    )
    cache = directives(client.get(url_in(site_tree["standard"], "en")))
    assert 590 <= int(cache["s-maxage"]) <= 600
    assert int(cache["max-age"]) <= 600


def test_health_keeps_its_own_never_cache(client, db):
    assert "no-cache" in client.get("/health/")["Cache-Control"]
