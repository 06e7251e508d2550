"""The security headers of real responses: the Content-Security-Policy of public pages, of the
admin and of everything that is not HTML; Permissions-Policy; Cross-Origin-Resource-Policy on
HTML pages only (media, documents, feeds and citations are fetched by other sites)."""

import pytest

from tests.helpers import edit_url, publication_file, read_form, url_in

PUBLIC_POLICY = (
    "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
ADMIN_POLICY = (
    "default-src 'self'; img-src 'self' data: blob:; script-src 'self' 'unsafe-inline'; style-src 'self'; "
    "style-src-elem 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
NOT_HTML_POLICY = "default-src 'none'"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


@pytest.fixture
def publication(site_tree):
    page = site_tree["publication"]
    page.files = [publication_file("Paper", "paper.pdf", "en")]
    page.save_revision().publish()
    return page


def headers(response, *names):
    return {name: response.get(name) for name in names}


@pytest.mark.django_db
def test_public_pages_keep_the_strict_policy_in_every_language(client, site_tree):
    for language in ("en", "es"):
        response = client.get(url_in(site_tree["standard"], language))
        assert response.status_code == 200
        assert headers(response, "Content-Security-Policy", "Permissions-Policy", "Cross-Origin-Resource-Policy") == {
            "Content-Security-Policy": PUBLIC_POLICY,
            "Permissions-Policy": PERMISSIONS_POLICY,
            "Cross-Origin-Resource-Policy": "same-origin",
        }
    # Error pages are HTML pages too.
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Security-Policy"] == PUBLIC_POLICY


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy(client, admin_client, home):
    from django.test import Client

    login = Client().get("/admin/login/")
    assert login.status_code == 200
    assert login["Content-Security-Policy"] == ADMIN_POLICY
    for path in ("/admin/", f"/admin/pages/{home.pk}/edit/", "/admin/images/"):
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Security-Policy"] == ADMIN_POLICY, path
        assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_preview_gets_the_public_policy(admin_client, site_tree):
    """A preview is the public page in the admin's frame: it is held to the visitors' policy."""
    page = site_tree["standard"]
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    form = read_form(admin_client.get(edit_url(page)))
    form["title_es"] = "Borrador"
    assert admin_client.post(preview_url, form).json()["is_valid"]
    response = admin_client.get(preview_url, {"mode": "es"})
    assert response.status_code == 200
    assert "<h1>Borrador</h1>" in response.content.decode()
    assert response["Content-Security-Policy"] == PUBLIC_POLICY


@pytest.mark.django_db
def test_feeds_citations_documents_and_sitemaps_run_nothing_and_may_be_fetched_from_anywhere(client, publication):
    document = publication.files.first().document
    downloads = [
        "/en/feeds/library/rss/",
        "/en/feeds/library/atom/",
        f"/en/publications/{publication.pk}/cite.bib",
        f"/es/publications/{publication.pk}/cite.ris",
        document.url,
        "/sitemap.xml",
        "/robots.txt",
    ]
    for path in downloads:
        response = client.get(path)
        assert response.status_code == 200, path
        assert not response["Content-Type"].startswith("text/html"), path
        assert headers(response, "Content-Security-Policy", "Permissions-Policy", "Cross-Origin-Resource-Policy") == {
            "Content-Security-Policy": NOT_HTML_POLICY,
            "Permissions-Policy": PERMISSIONS_POLICY,
            "Cross-Origin-Resource-Policy": None,
        }, path
