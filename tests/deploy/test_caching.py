"""Anonymous pages come from Varnish's cache, in every language; nothing made for a signed-in
editor is ever cached or shown to anyone else."""

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_anonymous_pages_are_served_from_the_cache(stack, language):
    path = f"/{language}/"
    first = stack.get(path)
    assert first.status == 200
    assert "public" in first.headers["Cache-Control"]
    assert "xkey" not in first.headers  # the keys stay between the site and its cache
    again = stack.get(path, headers={"Cookie": "csrftoken=abc; _ga=xyz"})
    assert again.headers["X-Cache"] == "HIT"
    assert again.text == first.text


def test_signed_in_editor_is_never_served_from_the_cache(stack):
    cookie = stack.signed_in_cookie()
    stack.get("/en/library/")  # an anonymous copy in the cache
    for _round in range(2):
        response = stack.get("/en/library/", headers={"Cookie": cookie})
        assert response.status == 200
        assert response.headers["X-Cache"] == "PASS"
        assert "private" in response.headers["Cache-Control"]
    admin = stack.get("/admin/", headers={"Cookie": cookie})
    assert admin.status == 200
    assert admin.headers["X-Cache"] == "PASS"
    assert "private" in admin.headers["Cache-Control"]


def test_language_redirect_is_never_cached(stack):
    assert stack.get("/", headers={"Accept-Language": "es"}).headers["Location"] == "/es/"
    assert stack.get("/", headers={"Accept-Language": "pt"}).headers["Location"] == "/pt/"
    assert stack.get("/", headers={"Accept-Language": "fr"}).headers["X-Cache"] != "HIT"
