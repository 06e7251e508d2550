"""Every page type in every language, in Chromium (at phone width, and at desktop width too in
English): no axe-core violations (WCAG 2.2 A and AA rules), no request to another host, no inline
script or style attribute, nothing refused by the Content-Security-Policy, no sideways scrolling,
and a screenshot of each for people to look at (test-output/screenshots/)."""

import pytest

from tests.helpers import LANGUAGES, OUTPUT, PAGE_TYPES, RECORD_CSP_VIOLATIONS, csp_violations, run_axe


def inline_code(html):
    """What a strict CSP would block in the HTML as served: script elements with inline code
    (JSON-LD data blocks excepted), style attributes and elements, event handler attributes."""
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(html)
    return {
        "scripts": [
            lxml_html.tostring(script)[:80]
            for script in tree.iter("script")
            if not script.get("src") and script.get("type") != "application/ld+json"
        ],
        "styles": [element.tag for element in tree.iter() if "style" in element.attrib or element.tag == "style"],
        "handlers": [
            f"{element.tag} {name}" for element in tree.iter() for name in element.attrib if name.startswith("on")
        ],
    }


ALL_IMAGES_LOADED = """() => Promise.all([...document.images].map(image => image.complete ? null
    : new Promise(done => { image.addEventListener("load", done, {once: true});
                            image.addEventListener("error", done, {once: true}); })))"""
SCROLL_THROUGH = """async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise(resolve => requestAnimationFrame(resolve));
    }
    window.scrollTo(0, 0);
}"""


# Widths are sampled: every page type in every language at phone width (where longer translations
# are likeliest to overflow), and every page type at desktop width too in English. Layout does not
# change with the language, so the other 36 desktop runs would repeat what these find.
BOTH_WIDTHS_IN = "en"
CASES = [
    pytest.param(language, page_type, width, id=f"{language}-{page_type}-{width}")
    for page_type in PAGE_TYPES
    for language in LANGUAGES
    for width in (["phone", "desktop"] if language == BOTH_WIDTHS_IN else ["phone"])
]


@pytest.mark.parametrize("language,page_type,width", CASES)
def test_page_is_accessible_self_contained_and_screenshotted(
    demo_site, open_page, axe_source, screenshot_dir, language, page_type, width
):
    page = open_page(width)
    page.context.add_init_script(RECORD_CSP_VIOLATIONS)
    requested, header_complaints = [], []
    page.on("request", lambda request: requested.append(request))
    page.on("console", lambda message: "Policy" in message.text and header_complaints.append(message.text))
    response = page.goto(demo_site.url(page_type, language), wait_until="load")
    assert response.status == (404 if page_type == "not_found" else 200)
    assert page.evaluate("document.documentElement.lang") == language

    # Lazy images below the fold load as the page scrolls; the screenshot shows the whole
    # page, so scroll it through first.
    page.evaluate(SCROLL_THROUGH)
    # (a Promise from evaluate, not wait_for_function: its polling evaluates a string, which
    # the site's Content-Security-Policy rightly forbids)
    page.evaluate(ALL_IMAGES_LOADED)
    name = f"{language}-{page_type}-{page.viewport_size['width']}.png"
    page.screenshot(path=screenshot_dir / name, full_page=True)

    # Nothing refused by the Content-Security-Policy, no complaint about the Permissions-Policy.
    assert csp_violations(page) == []
    assert header_complaints == []
    violations = run_axe(page, axe_source)
    assert violations == []
    assert inline_code(response.text()) == {"scripts": [], "styles": [], "handlers": []}
    others = [request.url for request in requested if not request.url.startswith(demo_site.base_url + "/")]
    assert others == [], "requests to other hosts"
    # The document is no wider than the screen (nothing scrolls sideways on a phone).
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_publication_prints_as_a_document(demo_site, open_page):
    """The print style: no header, footer or forms; the download links' addresses written out.
    The printed PDF is kept in test-output/print/ to look at."""
    page = open_page("desktop")
    page.goto(demo_site.url("publication", "en"))
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".skip-link", ".cite__actions"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("h1").is_visible() and page.locator(".citation").is_visible()
    after = page.evaluate("getComputedStyle(document.querySelector('.downloads a'), '::after').content")
    assert "/documents/" in after
    (OUTPUT / "print").mkdir(parents=True, exist_ok=True)
    page.pdf(path=OUTPUT / "print" / "en-publication.pdf", format="A4")


def test_a_publications_pdf_opens_in_the_browsers_viewer_under_its_policy(demo_site, open_page):
    """Documents are sent with `default-src 'none'` (nothing in them may run); Chromium's PDF
    viewer still shows them."""
    page = open_page("desktop")
    page.goto(demo_site.url("publication", "en"))
    href = page.locator(".downloads a[href*='.pdf']").first.get_attribute("href")
    response = page.goto(demo_site.base_url + href if href.startswith("/") else href)
    assert response.status == 200
    headers = response.all_headers()
    assert headers["content-type"] == "application/pdf"
    assert headers.get("content-security-policy") == "default-src 'none'", headers
    for _ in range(50):  # the viewer loads after the response, within a few seconds
        if any(frame.url.startswith("chrome-extension://") for frame in page.frames):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("Chromium's PDF viewer did not open the document")
