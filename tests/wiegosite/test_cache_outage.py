"""The cache settings production uses (wiegosite.settings.base.redis_cache) with Redis
unreachable: nothing listens on its port, so every cache call fails at once. The site's own cache
users (the site root lookup, the library's counts and their generation number, image renditions)
must carry on from the database. The outage of a real redis-server under gunicorn is in
test_outages.py."""

import socket

import pytest

from tests import factories
from tests.helpers import PAGE_KEYS, card_titles, publish, url_in
from wiegosite.settings import base

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there once the probe is closed
    settings.CACHES = {"default": base.redis_cache(f"redis://127.0.0.1:{port}/0")}


def test_every_page_is_served_from_the_database_and_the_failures_logged(client, site_tree, redis_down, caplog):
    # In Spanish: the site root paths are cached per language.
    for key in PAGE_KEYS:
        assert client.get(url_in(site_tree[key], "es")).status_code == 200, key
    library = url_in(site_tree["library"], "es")
    for path in [f"{library}?q=paper&sort=title", "/es/feeds/library/rss/", "/es/search/?q=paper", "/sitemap.xml"]:
        assert client.get(path).status_code == 200, path
    assert "Exception ignored" in caplog.text


def test_a_publish_while_redis_is_down_shows_in_the_library_at_once(client, site_tree, redis_down):
    library = url_in(site_tree["library"], "en")
    assert "Fresh paper English" not in card_titles(client.get(library).content.decode())

    publish(factories.PublicationPageFactory(parent=site_tree["library"], name="Fresh paper", live=False))

    assert "Fresh paper English" in card_titles(client.get(library).content.decode())
