"""Editors see each language's fields for images, snippets and site settings, and the admin
makes no request to other hosts."""

import re

import pytest

from places.models import Region
from tests.helpers import LANGUAGES, make_image


@pytest.mark.django_db
def test_image_form_has_alt_text_and_caption_in_every_language(admin_client):
    image = make_image("Market")
    html = admin_client.get(f"/admin/images/{image.pk}/").content.decode()
    for code in LANGUAGES:
        assert f'name="description_{code}"' in html
        assert f'name="caption_{code}"' in html
    assert 'name="credit"' in html


@pytest.mark.django_db
def test_image_edit_keeps_translations_and_credit(admin_client):
    image = make_image("Porters", size=(120, 80))
    data = {
        "title": "Porters",
        "collection": image.collection_id,
        "credit": "Demo credit",
        "tags": "",
        **{f"description_{code}": f"Alt {code}" for code in LANGUAGES},
        **{f"caption_{code}": f"Caption {code}" for code in LANGUAGES},
    }
    response = admin_client.post(f"/admin/images/{image.pk}/", data)
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.description_es, image.caption_pt, image.credit) == ("Alt es", "Caption pt", "Demo credit")


@pytest.mark.django_db
def test_region_snippet_is_edited_in_every_language(admin_client):
    html = admin_client.get("/admin/snippets/places/region/add/").content.decode()
    for code in LANGUAGES:
        assert f'name="name_{code}"' in html
    response = admin_client.post(
        "/admin/snippets/places/region/add/",
        {
            "key": "africa",
            **{
                f"name_{code}": name
                for code, name in zip(LANGUAGES, ["Africa", "África", "Afrique", "África"], strict=True)
            },
        },
    )
    assert response.status_code == 302
    region = Region.objects.get(key="africa")
    assert (region.name_en, region.name_fr) == ("Africa", "Afrique")


@pytest.mark.django_db
def test_series_snippet_form_has_every_language(admin_client):
    html = admin_client.get("/admin/snippets/publications/publicationseries/add/").content.decode()
    for code in LANGUAGES:
        assert f'name="name_{code}"' in html
        assert f'name="description_{code}"' in html


@pytest.mark.django_db
def test_site_settings_footer_in_every_language(admin_client, home):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    html = admin_client.get(f"/admin/settings/core/sitesettings/{site.pk}/").content.decode()
    for code in LANGUAGES:
        assert f'name="footer_text_{code}"' in html


# What a page makes the browser load: src of scripts, images, frames and sources, href of <link>.
LOADED = re.compile(r'<(?:script|img|iframe|source)\b[^>]*?\bsrc="([^"]*)"|<link\b[^>]*?\bhref="([^"]*)"')


@pytest.mark.django_db
def test_admin_pages_load_nothing_from_other_hosts(admin_client, home):
    for url in ["/admin/", f"/admin/pages/{home.pk}/", f"/admin/pages/{home.pk}/edit/"]:
        html = admin_client.get(url).content.decode()
        loaded = [src or href for src, href in LOADED.findall(html)]
        assert loaded, url
        assert [address for address in loaded if re.match(r"(https?:)?//", address)] == [], url
        # Avatars are Wagtail's own picture, not Gravatar's (the sidebar draws them from JSON).
        assert "gravatar.com" not in html, url
    # The dashboard has no upgrade notice, whose script would ask Wagtail's release server.
    assert 'data-controller="w-upgrade' not in admin_client.get("/admin/").content.decode()
