"""Getting around with a keyboard alone, without JavaScript, and from one language to another,
in Chromium against the demo content."""

import re

import pytest

from tests.helpers import LANGUAGES, PAGE_TYPES


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has the focus; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def follow(page, locator):
    """Click a link or button and wait for the page it leads to."""
    with page.expect_navigation():
        locator.click()


# -- keyboard -------------------------------------------------------------------------------


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(demo_site, open_page):
    page = open_page("phone")
    page.goto(demo_site.url("publication", "en"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()  # shown when focused
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab goes on from the content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('header') === null")


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_main_menu_works_with_tab_and_enter(demo_site, open_page, width):
    page = open_page(width)
    page.goto(demo_site.url("home", "en"))
    tab_to(page, ".main-nav a[href$='/library/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == demo_site.url("library", "en")
    assert page.locator(".main-nav a[aria-current='page']").inner_text() == "Library"


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_language_switcher_works_with_tab_and_enter(demo_site, open_page, width):
    page = open_page(width)
    page.goto(demo_site.url("programme", "en"))
    tab_to(page, ".language-switcher a[hreflang='fr']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == demo_site.url("programme", "fr")
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_library_filters_work_with_the_keyboard(demo_site, open_page):
    page = open_page("desktop")
    page.goto(demo_site.url("library", "en"))
    total = page.locator("#results-heading").inner_text()
    # A facet: Tab to its first checkbox, Space ticks it (the keyboard's way to tick a box),
    # Enter submits the form.
    tab_to(page, ".filters__facet input[name='series']")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"[?&]series=", page.url)
    assert page.locator(".filters__facet input[name='series']:checked").count() == 1
    filtered = page.locator("#results-heading").inner_text()
    assert filtered != total
    # Free text: Tab to the field, type, Enter.
    tab_to(page, "#library-q")
    page.keyboard.type("zzzz-nothing-matches")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=zzzz-nothing-matches" in page.url
    assert "No publication matches these filters." in page.locator(".library__results").inner_text()
    # "Clear all filters" is a link: Tab, Enter.
    tab_to(page, ".library__results a[href$='/library/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == demo_site.url("library", "en")
    assert page.locator("#results-heading").inner_text() == total


def test_pagination_and_apply_button_work_with_tab_and_enter(demo_site, open_page):
    page = open_page("phone")
    page.goto(demo_site.url("library", "en"))
    tab_to(page, ".filters button[type='submit']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The form submitted nothing but empty or default fields: redirected to the clean address.
    assert page.url == demo_site.url("library", "en")
    tab_to(page, ".pagination a[rel='next']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "page=2" in page.url
    assert page.locator(".pagination a[aria-current='page']").inner_text() == "2"


# -- without JavaScript ----------------------------------------------------------------------


def test_navigation_and_filters_work_without_javascript(demo_site, open_page):
    page = open_page("phone", javascript=False)
    page.goto(demo_site.url("home", "es"))
    follow(page, page.locator(".main-nav a", has_text="Biblioteca"))
    assert page.url == demo_site.url("library", "es")

    series = demo_site.library_filters["series"]
    page.locator(f".filters__facet input[name='series'][value='{series}']").check()
    follow(page, page.locator(".filters button[type='submit']"))
    assert f"series={series}" in page.url
    count = page.locator("#results-heading").inner_text()

    # The language switcher keeps the filters.
    follow(page, page.locator(".language-switcher a[hreflang='pt']"))
    assert page.url.startswith(demo_site.url("library", "pt") + "?")
    assert f"series={series}" in page.url
    assert page.locator(f".filters__facet input[value='{series}']").is_checked()
    assert re.sub(r"\D", "", page.locator("#results-heading").inner_text()) == re.sub(r"\D", "", count)

    # Search from the header, then the programme listing's page-type filter.
    page.locator("#header-search").fill("trabalhadoras")
    follow(page, page.locator(".site-header .search-form__button"))
    assert page.url.startswith(demo_site.base_url + "/pt/search/?q=")
    page.goto(demo_site.url("programme", "en"))
    option = page.locator(".type-filter input[name='type']:not([value=''])").first
    option.check()
    follow(page, page.locator(".type-filter button[type='submit']"))
    assert "type=" in page.url
    assert page.locator(".type-filter input:checked").get_attribute("value") != ""


# -- the language switcher lands on the same page ---------------------------------------------


@pytest.mark.parametrize("page_type", [t for t in PAGE_TYPES if t != "not_found"])
def test_language_switcher_lands_on_the_same_page_in_each_language(demo_site, open_page, page_type):
    # A round trip through the switcher: English, Spanish, French, Portuguese, back to English;
    # every language is left once and reached once.
    page = open_page("desktop", javascript=False)
    page.goto(demo_site.url(page_type, "en"))
    for language in [*LANGUAGES[1:], "en"]:
        follow(page, page.locator(f".language-switcher a[hreflang='{language}']"))
        assert page.url == demo_site.url(page_type, language)
        assert page.evaluate("document.documentElement.lang") == language
