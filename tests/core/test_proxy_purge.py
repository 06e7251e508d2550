"""Purges after a change (core.proxy_cache): each kind of change sends the keys of what shows
the changed object to every proxy, after the commit; a proxy that is down never fails the change,
and its purge is stored and sent again later. The proxy here is a small HTTP server that records
the PURGE requests it gets."""

import http.server
import threading

import pytest
from wagtail.models import Page

from core.models import FailedPurge, SiteSettings
from core.proxy_cache import purge
from tests import factories
from tests.helpers import make_image

pytestmark = pytest.mark.django_db


class RecordingProxy(http.server.ThreadingHTTPServer):
    def __init__(self):
        self.purged = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PURGE(handler):
                self.purged.append(set(handler.headers["xkey-purge"].split()))
                handler.send_response(200)
                handler.send_header("Content-Length", "0")
                handler.end_headers()

            def log_message(handler, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def purged_keys(self):
        return set().union(*self.purged) if self.purged else set()


@pytest.fixture
def proxy(settings):
    server = RecordingProxy()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.PROXY_CACHE_URLS = [server.url]
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run what the change left for after its commit, as a real commit would."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            result = change()
        purge.wait()
        return result

    return run


def test_publishing_purges_the_page_what_is_below_it_and_its_listings(proxy, site_tree, after_commit):
    page = site_tree["publication"]
    after_commit(lambda: page.save_revision().publish())
    assert {
        f"page-{page.pk}",
        f"in-{page.path}",
        "listing:publications.publicationpage",
        "listing:all",
    } <= proxy.purged_keys()


def test_a_menu_page_also_purges_the_navigation(proxy, site_tree, after_commit):
    page = site_tree["library"]  # show_in_menus
    after_commit(lambda: page.save_revision().publish())
    assert {f"page-{page.pk}", f"in-{page.path}", "site"} <= proxy.purged_keys()


def test_unpublishing_and_deleting_purge_the_page(proxy, site_tree, after_commit):
    after_commit(lambda: site_tree["impact"].unpublish())
    assert f"page-{site_tree['impact'].pk}" in proxy.purged_keys()
    proxy.purged.clear()
    page = Page.objects.get(pk=site_tree["publication"].pk)
    page_id = page.pk
    after_commit(page.delete)
    assert f"page-{page_id}" in proxy.purged_keys()


def test_moving_purges_the_old_and_new_places(proxy, site_tree, after_commit):
    page = site_tree["standard"]
    old_path = page.path
    after_commit(lambda: page.move(site_tree["library"], pos="last-child"))
    page.refresh_from_db()
    assert {f"page-{page.pk}", f"in-{old_path}", f"in-{page.path}"} <= proxy.purged_keys()


def test_image_change_purges_its_pictures_and_the_pages_using_it(proxy, site_tree, after_commit):
    image = make_image()
    page = site_tree["publication"]
    page.listing_image = image
    page.save_revision().publish()
    proxy.purged.clear()
    image.title = "Renamed"
    after_commit(image.save)
    assert {f"image-{image.pk}", f"page-{page.pk}"} <= proxy.purged_keys()


def test_snippet_change_purges_the_pages_using_it_and_listings(proxy, site_tree, after_commit):
    series = factories.PublicationSeriesFactory()
    page = site_tree["publication"]
    page.series = series
    page.save_revision().publish()
    proxy.purged.clear()
    after_commit(series.save)
    assert {"listing:all", f"page-{page.pk}"} <= proxy.purged_keys()


def test_site_settings_change_purges_every_page(proxy, site_tree, after_commit):
    settings_row = SiteSettings.for_site(site_tree["home"].get_site())
    settings_row.footer_text = "New footer"
    after_commit(settings_row.save)
    assert "site" in proxy.purged_keys()


def test_a_proxy_that_is_down_never_fails_the_publish_and_is_retried(proxy, settings, site_tree, after_commit):
    down = RecordingProxy()
    down_url = down.url
    down.server_close()  # nothing listens there any more
    settings.PROXY_CACHE_URLS = [down_url, proxy.url]
    page = site_tree["publication"]
    after_commit(lambda: page.save_revision().publish())
    assert Page.objects.get(pk=page.pk).live
    assert f"page-{page.pk}" in proxy.purged_keys()  # the proxy that is up got it
    failed = FailedPurge.objects.get()
    assert failed.proxy_url == down_url
    assert f"page-{page.pk}" in failed.keys.split()

    assert purge.retry_failed() == (0, 1)  # still down
    assert FailedPurge.objects.get().attempts == 2
    failed.proxy_url = proxy.url  # the proxy is back (at an address that answers)
    failed.save()
    proxy.purged.clear()
    assert purge.retry_failed() == (1, 0)
    assert not FailedPurge.objects.exists()
    assert f"page-{page.pk}" in proxy.purged_keys()


def test_nothing_is_sent_without_proxies(settings, site_tree, after_commit):
    settings.PROXY_CACHE_URLS = []
    after_commit(lambda: site_tree["publication"].save_revision().publish())
    assert not FailedPurge.objects.exists()
