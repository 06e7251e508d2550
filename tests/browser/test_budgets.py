"""Page weight budgets, measured on what Chromium really loads on a first visit (empty cache) at
phone and desktop width.

The live server sends everything uncompressed, so each text response (HTML, CSS, JavaScript,
SVG) is counted as its gzip-9 size, which is what production sends (WhiteNoise precompresses
static files with gzip at collectstatic; the reverse proxy gzips HTML);
images are counted as they are. Response headers are counted too. The figures are
deterministic: the same content gives the same bytes.
"""

import gzip

import pytest

KB = 1000
TEXT_PAGE_TOTAL = 272 * KB
IMAGE_PAGE_TOTAL = 531 * KB
CSS_TOTAL = 20 * KB
JS_TOTAL = 5 * KB
HOME_HTML = 30 * KB
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def first_load(open_page, url, width):
    """[(url, content type, bytes sent)] of everything a first visit loads."""
    page = open_page(width)
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    loaded = []
    for response in responses:
        kind = response.headers.get("content-type", "").split(";")[0]
        body = response.body()
        sent = len(gzip.compress(body, 9)) if kind.startswith(TEXT_TYPES) else len(body)
        loaded.append((response.url, kind, sent + response.request.sizes()["responseHeadersSize"]))
    return loaded


def total(loaded, kind=""):
    return sum(size for _url, content_type, size in loaded if content_type.startswith(kind))


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_first_load_of_pages_fits_the_budgets(demo_site, open_page, width):
    # A text page (What We Do: text, key figures, one lead photo) and the image-heavy home page.
    text_page = first_load(open_page, demo_site.url("standard", "en"), width)
    home = first_load(open_page, demo_site.url("home", "en"), width)
    publication = first_load(open_page, demo_site.url("publication", "en"), width)
    report = {
        "text page": total(text_page),
        "home": total(home),
        "home html": total(home, "text/html"),
        "publication": total(publication),
    }
    print(width, report)  # shown with -s; the README records them
    assert report["text page"] <= TEXT_PAGE_TOTAL
    assert report["publication"] <= TEXT_PAGE_TOTAL
    assert report["home"] <= IMAGE_PAGE_TOTAL
    assert report["home html"] <= HOME_HTML
    # The home page does show photos, as AVIF where the browser takes it.
    assert any(kind == "image/avif" for _url, kind, _size in home)
    for loaded in (text_page, home, publication):
        assert total(loaded, "text/css") <= CSS_TOTAL
        assert total(loaded, "application/javascript") + total(loaded, "text/javascript") <= JS_TOTAL


def test_main_image_is_loaded_first_and_others_lazily(demo_site, open_page):
    page = open_page("phone")
    page.goto(demo_site.url("home", "en"))
    hero = page.locator(".hero img")
    assert hero.get_attribute("loading") == "eager"
    assert hero.get_attribute("fetchpriority") == "high"
    cards = page.locator(".card img")
    assert cards.count() > 3
    assert {cards.nth(i).get_attribute("loading") for i in range(cards.count())} == {"lazy"}
    # Every image has its size, so nothing moves as pictures arrive.
    sizes = page.evaluate(
        "[...document.images].map(i => [i.getAttribute('width'), i.getAttribute('height'), i.sizes, i.srcset])"
    )
    assert all(width and height and sizes and srcset for width, height, sizes, srcset in sizes)
    # Chromium picks the AVIF source, at a width that suits a phone.
    assert ".avif" in page.evaluate("document.querySelector('.hero img').currentSrc")
    natural = page.evaluate("document.querySelector('.hero img').naturalWidth")
    assert 360 <= natural <= 1200
