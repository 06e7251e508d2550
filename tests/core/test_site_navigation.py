"""The header and footer navigation editors set in Settings → Site settings: pages in the editor's
order, labelled with their titles in the visitor's language and linked to that language's address."""

import re

import pytest
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.models import SiteSettings
from tests import factories
from tests.helpers import SNIPPET_FORM_ID, read_form, url_in

pytestmark = pytest.mark.django_db


def footer_links(html):
    nav = re.search(r'<nav class="footer-nav".*?</nav>', html, re.S)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group(0)) if nav else []


def header_links(html):
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)


def test_the_footer_lists_its_pages_in_each_language_in_the_editors_order(client, site_tree):
    home = site_tree["home"]
    privacy = factories.StandardPageFactory(parent=home, name="Privacy policy")
    about = factories.StandardPageFactory(parent=home, name="About us")
    draft = factories.StandardPageFactory(parent=home, name="Coming soon", live=False)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_links = [("page", about), ("page", privacy), ("page", draft)]
    site_settings.save()

    for language in ("en", "es", "fr", "pt"):
        html = client.get(url_in(site_tree["programme"], language)).content.decode()
        assert footer_links(html) == [
            (url_in(about, language), getattr(about, f"title_{language}")),
            (url_in(privacy, language), getattr(privacy, f"title_{language}")),
        ], language  # the unpublished page is left out


def test_no_footer_navigation_is_drawn_while_it_is_empty(client, site_tree):
    assert footer_links(client.get(url_in(site_tree["home"], "fr")).content.decode()) == []


def test_header_links_replace_the_pages_shown_in_menus(client, site_tree):
    home = site_tree["home"]
    html = client.get(url_in(home, "es")).content.decode()
    shown_in_menus = [site_tree["standard"], site_tree["programme_index"], site_tree["library"]]
    # Sections that declare in_header_navigation (worker groups) are always there, in tree order.
    shown_in_menus = sorted([*shown_in_menus, site_tree["worker_group_index"]], key=lambda page: page.path)
    assert [href for href, _title in header_links(html)] == [url_in(page, "es") for page in shown_in_menus]

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.header_links = [("page", site_tree["library"]), ("page", site_tree["impact_index"])]
    site_settings.save()
    html = client.get(url_in(home, "es")).content.decode()
    assert header_links(html) == [
        (url_in(site_tree["library"], "es"), site_tree["library"].title_es),
        (url_in(site_tree["impact_index"], "es"), site_tree["impact_index"].title_es),
        (url_in(site_tree["worker_group_index"], "es"), site_tree["worker_group_index"].title_es),
    ]


def test_an_editor_sets_the_footer_navigation_in_the_admin(admin_client, client, site_tree):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/core/sitesettings/{site.pk}/"
    data = read_form(admin_client.get(url), form_id=SNIPPET_FORM_ID)
    data.update(nested_form_data({"footer_links": streamfield([("page", site_tree["impact_index"].pk)])}))
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get(url_in(site_tree["home"], "pt")).content.decode()
    assert footer_links(html) == [(url_in(site_tree["impact_index"], "pt"), site_tree["impact_index"].title_pt)]
