"""The header and footer navigation editors set in Settings → Site settings: pages in the editor's
order, labelled with their titles in the visitor's language and linked to that language's address."""

import re

import pytest
from wagtail.models import Site

from core.models import FooterLink, HeaderLink, SiteSettings
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
    site_settings.footer_links = [
        FooterLink(page=about, sort_order=0),
        FooterLink(page=privacy, sort_order=1),
        FooterLink(page=draft, sort_order=2),
    ]
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
    assert [href for href, _title in header_links(html)] == [url_in(page, "es") for page in shown_in_menus]

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.header_links = [
        HeaderLink(page=site_tree["library"], sort_order=0),
        HeaderLink(page=site_tree["impact_index"], sort_order=1),
    ]
    site_settings.save()
    html = client.get(url_in(home, "es")).content.decode()
    assert header_links(html) == [
        (url_in(site_tree["library"], "es"), site_tree["library"].title_es),
        (url_in(site_tree["impact_index"], "es"), site_tree["impact_index"].title_es),
    ]


def test_an_editor_sets_the_footer_navigation_in_the_admin(admin_client, client, site_tree):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/core/sitesettings/{site.pk}/"
    data = read_form(admin_client.get(url), form_id=SNIPPET_FORM_ID)
    data.update(
        {
            "footer_links-TOTAL_FORMS": "1",
            "footer_links-INITIAL_FORMS": "0",
            "footer_links-0-page": str(site_tree["impact_index"].pk),
            "footer_links-0-ORDER": "1",
            "footer_links-0-DELETE": "",
            "footer_links-0-id": "",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get(url_in(site_tree["home"], "pt")).content.decode()
    assert footer_links(html) == [(url_in(site_tree["impact_index"], "pt"), site_tree["impact_index"].title_pt)]
