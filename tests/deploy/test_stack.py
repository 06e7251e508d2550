"""The production stack as a visitor meets it: Varnish in front of two app servers, nginx for
files, every language served."""

import re

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_home_page_in_every_language(stack, language):
    response = stack.get(f"/{language}/")
    assert response.status == 200
    assert f'lang="{language}"' in response.text


def test_bare_address_redirects_by_language(stack):
    response = stack.get("/", headers={"Accept-Language": "fr"})
    assert response.status == 302
    assert response.headers["Location"] == "/fr/"


def test_static_files_and_media_come_from_nginx(stack):
    home = stack.get("/en/").text
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
    picture = re.search(r'src="(/media/images/[^"]+)"', home).group(1)
    for path in (stylesheet, picture):
        response = stack.get(path)
        assert response.status == 200
        assert response.headers["Server"].startswith("nginx")
    assert "immutable" in stack.get(stylesheet).headers["Cache-Control"]


def test_health_through_the_proxy_is_never_cached(stack):
    response = stack.get("/health/")
    assert response.status == 200
    assert response.headers["X-Cache"] == "PASS"


def test_admin_sign_in_page_answers(stack):
    response = stack.get("/admin/login/")
    assert response.status == 200
    assert response.headers["X-Cache"] == "PASS"
