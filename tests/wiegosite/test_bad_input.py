"""Bad addresses and query strings get a clear page with the right status, never a 500."""

import pytest

from tests import factories
from tests.helpers import url_in


@pytest.fixture
def library(home):
    index = factories.PublicationIndexPageFactory(parent=home, name="Library", items_per_page=2)
    for number in range(5):
        factories.PublicationPageFactory(parent=index, name=f"Paper {number}")
    return index


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path,language,text",
    [
        ("/en/no-such-page/", "en", "Page not found"),
        ("/es/no-existe/", "es", "Página no encontrada"),
        ("/fr/introuvable/", "fr", "Page introuvable"),
        ("/pt/nao-existe/", "pt", "Página não encontrada"),
    ],
)
def test_missing_page_is_a_translated_404(client, home, path, language, text):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert text in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/de/", "/de/some-page/", "/zh-hans/", "/xx/a/b/"])
def test_unknown_language_prefix_is_a_404(client, home, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value,shown",
    [("abc", 1), ("0", 1), ("-4", 1), ("2", 2), ("3", 3), ("999999", 3), ("1e9", 1), ("%00", 1), ("2.5", 1), ("", 1)],
)
def test_page_parameter_shows_the_nearest_valid_page(client, library, value, shown):
    # An empty `page=` is first redirected to the clean address (no empty parameters).
    response = client.get(url_in(library, "en"), {"page": value}, follow=True)
    assert response.status_code == 200
    assert f"Page {shown} of 3" in response.content.decode()


@pytest.mark.django_db
def test_hostile_query_strings_do_not_break_pages(client, library):
    url = url_in(library, "fr")
    for query in ["page=<script>alert(1)</script>", "page=" + "9" * 5000, "page=1&page=2", "q=%ff%fe"]:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_unpublished_page_is_a_404(client, home):
    page = factories.StandardPageFactory(parent=home, name="Draft", live=False)
    assert client.get(url_in(page, "en")).status_code == 404


@pytest.mark.django_db
def test_server_error_page_is_translated(client, home, settings):
    from django.test import RequestFactory

    from wiegosite.views import server_error

    response = server_error(RequestFactory().get("/pt/qualquer/"))
    assert response.status_code == 500
    assert 'lang="pt"' in response.content.decode()
    assert "Algo deu errado" in response.content.decode()


@pytest.mark.django_db
def test_error_page_switcher_offers_each_home_page_as_available(client, home):
    html = client.get("/es/no-existe/").content.decode()
    assert "language-switcher__missing" not in html
    assert 'href="/fr/" hreflang="fr"' in html


@pytest.mark.django_db
def test_unknown_admin_address_is_not_sent_to_the_public_site(admin_client, home):
    response = admin_client.get("/admin/pages/999999/edit/")
    assert response.status_code == 404
    assert not response.has_header("Location")
