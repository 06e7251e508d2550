"""The header navigation reaches the worker groups from every page, however menus are edited."""

import re

import pytest

from tests import factories
from tests.helpers import url_in


def header_links(html):
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"', nav)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_worker_groups_in_the_header_of_every_page(client, site_tree, language):
    index = site_tree["worker_group_index"]
    index.show_in_menus = False  # an editor took it out of the menus
    index.save_revision().publish()
    hidden = factories.StandardPageFactory(parent=site_tree["home"], name="Not in menus", show_in_menus=False)
    for path in [url_in(site_tree[key], language) for key in ("home", "publication", "worker_group")] + [
        f"/{language}/search/?q=workers"
    ]:
        links = header_links(client.get(path).content.decode())
        assert url_in(index, language) in links, path
        assert url_in(hidden, language) not in links
        assert url_in(site_tree["library"], language) in links  # editors' menu choices still count


@pytest.mark.django_db
def test_an_unpublished_section_is_not_shown(client, site_tree):
    site_tree["worker_group_index"].unpublish()
    links = header_links(client.get("/en/").content.decode())
    assert url_in(site_tree["worker_group_index"], "en") not in links
