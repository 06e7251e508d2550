"""A real browser (Debian's Chromium through Playwright) against a live server holding the demo
content in four languages.

Why it is built this way:
- One live server and one browser serve the whole session, and the demo content is loaded once
  (about ten seconds) instead of per test. These tests request no database fixture, so
  pytest-django runs them after every database test, and nothing rolls back or flushes the
  content between them; the session teardown flushes it.
- Playwright's sync API runs an event loop in this thread, where Django refuses ORM calls, so all
  ORM work (loading the content, finding each page's address in each language) happens in the
  `demo_site` fixture before the browser starts; the tests only use the addresses it gathered.
- A flush (by an earlier transactional test, or ours) takes Wagtail's root page with it, so the
  fixture recreates it before loading the content and after flushing.

Nothing is skipped when a tool is missing: `make test` installs Chromium and the npm tools
(`make browser-deps`), so a missing one is an error with the command that fixes it.
"""

import io
import shutil
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils import translation

from tests.helpers import AXE_SOURCE, CHROMIUM, LANGUAGES, SCREENSHOTS, WIDTHS, require


@dataclass
class DemoSite:
    base_url: str
    urls: dict = field(default_factory=dict)  # (page type, language) -> path
    library_filters: dict = field(default_factory=dict)  # facet name -> an option value with results

    def url(self, page_type, language):
        return self.base_url + self.urls[page_type, language]


def ensure_wagtail_root():
    """Wagtail's root page (depth 1), which a flush removes, as its migration makes it."""
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", content_type=_page_content_type()))


def _page_content_type():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    return ContentType.objects.get_for_model(Page)


def _gather_urls(site):
    from contact.models import ContactPage
    from home.models import HomePage
    from places.models import CityIndexPage, CityPage
    from programmes.models import (
        ImpactIndexPage,
        ImpactStoryPage,
        InitiativeIndexPage,
        InitiativePage,
        ProgrammeIndexPage,
        ProgrammePage,
    )
    from publications.models import PublicationIndexPage, PublicationPage
    from standard_pages.models import StandardPage
    from worker_groups.models import WorkerGroupIndexPage, WorkerGroupPage

    def first(model, **having):
        return model.objects.live().filter(**having).order_by("path").first()

    pages = {
        "home": first(HomePage),
        "standard": first(StandardPage, lead_image__isnull=False) or first(StandardPage),
        "programme_index": first(ProgrammeIndexPage),
        "programme": first(ProgrammePage, lead_image__isnull=False) or first(ProgrammePage),
        "initiative_index": first(InitiativeIndexPage),
        "initiative": first(InitiativePage, lead_image__isnull=False) or first(InitiativePage),
        "impact_index": first(ImpactIndexPage),
        "impact": first(ImpactStoryPage, lead_image__isnull=False) or first(ImpactStoryPage),
        "library": first(PublicationIndexPage),
        "publication": first(PublicationPage, cover_image__isnull=False, files__isnull=False) or first(PublicationPage),
        "contact": first(ContactPage),
        "worker_group_index": first(WorkerGroupIndexPage),
        "worker_group": first(WorkerGroupPage),
        "city_index": first(CityIndexPage),
        "city": first(CityPage),
    }
    from news.models import BlogIndexPage, BlogPostPage, NewsArticlePage, NewsIndexPage

    pages.update(
        news_index=first(NewsIndexPage),
        news=first(NewsArticlePage, lead_image__isnull=False),
        blog_index=first(BlogIndexPage),
        blog_post=first(BlogPostPage),
    )
    from people.models import PeopleIndexPage, PersonPage

    pages.update(people_index=first(PeopleIndexPage), person=first(PersonPage, photo__isnull=False))
    for language in LANGUAGES:
        with translation.override(language):
            for key, page in pages.items():
                site.urls[key, language] = page.url
            site.urls["search", language] = f"/{language}/search/?q=workers"
            site.urls["not_found", language] = f"/{language}/no-such-page/"
    _gather_event_urls(site)

    from publications.models import PublicationSeries

    series = PublicationSeries.objects.filter(publications__live=True).order_by("key").first()
    site.library_filters["series"] = series.key


def _gather_event_urls(site):
    """The events page, its past listing and a past event (report and recordings shown)."""
    from events.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.live().first()
    event = EventPage.objects.live().filter(recordings__isnull=False).order_by("path").first()
    for language in LANGUAGES:
        with translation.override(language):
            site.urls["events", language] = index.url
            site.urls["past_events", language] = index.past_url(language)
            site.urls["event", language] = event.url


def _uses_database(item):
    names = getattr(item, "fixturenames", ())
    return bool(item.get_closest_marker("django_db")) or any(
        name in names for name in ("db", "transactional_db", "live_server")
    )


def _make_renditions(site):
    """Render every page once here, so that the images' renditions exist before the browser
    asks for them. Wagtail makes a page's renditions in a pool of threads, which the live
    server cannot give its shared in-memory SQLite connection to."""
    from django.test import Client
    from wagtail.models import Page

    client = Client()
    paths = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    paths += [site.urls["library", "en"] + f"?page={number}" for number in range(2, 6)]
    for path in paths:
        assert client.get(path).status_code in (200, 404), path


@pytest.fixture(scope="session")
def demo_site(request, django_db_setup, django_db_blocker, tmp_path_factory):
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    if hasattr(request.config, "workerinput"):
        pytest.fail(
            "The browser tests share one live server and demo site: run them in one process "
            "(make test-browser, or pytest without -n).",
            pytrace=False,
        )
    # The browser tests use no database fixture (see the module docstring), so when they run
    # alone pytest-django creates no test database: create it here.
    unblocked = django_db_blocker.unblock()
    unblocked.__enter__()
    own_databases = None
    if not any(_uses_database(item) for item in request.session.items):
        own_databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    media = tmp_path_factory.mktemp("browser-media")
    overrides = override_settings(MEDIA_ROOT=media, DEBUG=False)
    overrides.enable()
    # The live server's thread reads the database while the tests run, and pytest-django's
    # blocker is process-wide: it stays open for the session (these tests run last).
    server = LiveServer("127.0.0.1")
    try:
        ensure_wagtail_root()
        port = int(server.url.rsplit(":", 1)[1])
        call_command("load_demo_content", hostname="127.0.0.1", port=port, stdout=io.StringIO())
        site = DemoSite(base_url=server.url)
        _gather_urls(site)
        _make_renditions(site)
        yield site
    finally:
        server.stop()
        call_command("flush", interactive=False, verbosity=0)
        ensure_wagtail_root()
        overrides.disable()
        if own_databases is not None:
            teardown_databases(own_databases, verbosity=0)
        unblocked.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def fresh_state():
    """Replaces the suite's per-test fixture: these tests share one media folder (the live server's)."""
    translation.activate("en")
    yield


@pytest.fixture(scope="session")
def browser(demo_site):
    """One Chromium for the session (after demo_site: no ORM call once Playwright runs)."""
    require(CHROMIUM, "make browser-deps")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """open_page(width="desktop", javascript=True): a fresh page in its own context."""
    contexts = []

    def make(width="desktop", javascript=True):
        viewport_width, viewport_height = WIDTHS[width]
        context = browser.new_context(
            viewport={"width": viewport_width, "height": viewport_height}, java_script_enabled=javascript
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source():
    require(AXE_SOURCE, "make browser-deps")
    return AXE_SOURCE.read_text()


@pytest.fixture(scope="session")
def screenshot_dir():
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS
