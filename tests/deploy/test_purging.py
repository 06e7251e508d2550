"""Each kind of change shows through the proxy: the cached copies of every page that shows the
changed object are purged (by xkey) when it changes, in every language, old addresses included.
Changes are made as the site's own code makes them, on the stack's database; purges run beside
them, so the tests wait for the new content (no timing is asserted)."""

import pytest

pytestmark = pytest.mark.slow


def test_publish_shows_on_the_page_in_every_language_and_on_its_listings(stack):
    info = stack.page_info("heat-informal-work")
    for path in info["urls"].values():
        stack.cached(path)
    stack.cached("/en/library/")
    stack.shell(
        """
        from wagtail.models import Page
        page = Page.objects.get(slug_en="heat-informal-work").specific
        page.title_en = "Heat and work, revised"
        page.title_es = "Calor y trabajo, revisado"
        page.save_revision().publish()
        """
    )
    stack.eventually(stack.shows(info["urls"]["en"], "Heat and work, revised"), "the new English title")
    stack.eventually(stack.shows(info["urls"]["es"], "Calor y trabajo, revisado"), "the new Spanish title")
    stack.eventually(stack.shows("/en/library/", "Heat and work, revised"), "the library's new card")


def test_unpublish_and_delete_take_the_page_away(stack):
    story = stack.page_info("child-care-corner-market")
    paper = stack.page_info("income-support-covid-19")
    for info in (story, paper):
        stack.cached(info["urls"]["en"])
        stack.cached(info["urls"]["fr"])
    stack.shell(
        """
        from wagtail.models import Page
        Page.objects.get(slug_en="child-care-corner-market").specific.unpublish()
        Page.objects.get(slug_en="income-support-covid-19").delete()
        """
    )
    for info in (story, paper):
        for language in ("en", "fr"):
            path = info["urls"][language]
            stack.eventually(lambda path=path: stack.get(path).status == 404, f"{path} gone")


def test_rename_and_move_purge_the_old_addresses(stack):
    renamed = stack.page_info("work-with-cooperatives")
    moved = stack.page_info("about-us")
    for info in (renamed, moved):
        stack.cached(info["urls"]["en"])
        stack.cached(info["urls"]["es"])
    stack.shell(
        """
        from wagtail.models import Page
        page = Page.objects.get(slug_en="work-with-cooperatives").specific
        page.slug_en = "worker-cooperatives"
        page.slug_es = "cooperativas-de-trabajadores"
        page.save_revision().publish()
        target = Page.objects.get(slug_en="what-we-do")
        Page.objects.get(slug_en="about-us").move(target, pos="last-child")
        """
    )
    for info in (renamed, moved):
        for language in ("en", "es"):
            old = info["urls"][language]
            # The old address now redirects (core.redirects) instead of showing the cached page.
            stack.eventually(lambda old=old: stack.get(old).status == 301, f"{old} redirected")
    new = stack.page_info("worker-cooperatives")["urls"]
    assert new["en"].endswith("/worker-cooperatives/")
    assert stack.get(new["es"]).status == 200


def test_snippet_edit_shows_on_the_pages_using_it(stack):
    info = stack.page_info("extending-health-insurance-informal-workers")
    before = stack.cached(info["urls"]["en"])
    series = stack.shell(
        """
        from wagtail.models import Page
        page = Page.objects.get(slug_en="extending-health-insurance-informal-workers").specific
        series = page.series
        series.name_en = "Working Papers, renamed"
        series.save()
        print(series.pk)
        """
    )
    assert series
    assert "Working Papers, renamed" not in before
    stack.eventually(stack.shows(info["urls"]["en"], "Working Papers, renamed"), "the new series name")


def test_image_change_shows_on_the_pages_using_it(stack):
    home = stack.cached("/en/")
    stack.shell(
        """
        from wagtail.models import Page
        page = Page.objects.get(slug_en="statistics").specific
        image = page.listing_image
        image.credit = "Photo credit changed"
        image.save()
        """
    )
    assert "Photo credit changed" not in home
    stack.eventually(stack.shows("/en/", "Photo credit changed"), "the new credit on the home page")


def test_site_settings_change_shows_on_every_page(stack):
    paths = ["/en/", "/pt/", stack.page_info("law-informal-economy")["urls"]["en"]]
    for path in paths:
        stack.cached(path)
    stack.shell(
        """
        from wagtail.models import Site
        from core.models import SiteSettings
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.footer_text_en = "A footer, changed"
        settings.footer_text_pt = "Um rodapé, alterado"
        settings.save()
        """
    )
    stack.eventually(stack.shows("/en/", "A footer, changed"), "the new footer in English")
    stack.eventually(stack.shows("/pt/", "Um rodapé, alterado"), "the new footer in Portuguese")
    stack.eventually(stack.shows(paths[2], "A footer, changed"), "the new footer on a programme page")
