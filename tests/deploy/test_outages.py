"""When an app server, or all of them, or Varnish itself is down: visitors still get cached
pages (stale ones too, within their stale-if-error), and editors can still publish (a purge that
cannot reach Varnish is stored and sent again by the scheduler)."""

import uuid

import pytest

pytestmark = pytest.mark.slow


def test_one_app_server_down_the_other_answers(stack):
    stack.stop("app1")
    try:
        for _round in range(4):  # uncached addresses: each one reaches an app server
            assert stack.get(f"/en/search/?q={uuid.uuid4().hex}").status == 200
    finally:
        stack.start("app1")


def test_every_app_server_down_cached_pages_are_still_served_stale(stack):
    stack.get("/en/library/")
    first = stack.get("/en/library/")
    assert first.headers["X-Cache"] == "HIT"
    # Make the copy stale, as time would: a soft purge keeps it for its grace (stale-if-error).
    library_key = "listing:publications.publicationpage"
    assert stack.get("/", method="PURGE", headers={"xkey-softpurge": library_key}).status == 200
    stack.stop("app1")
    stack.stop("app2")
    try:
        # Varnish's health probes notice; meanwhile a request may still try an app server.
        stack.eventually(lambda: stack.get(f"/en/search/?q={uuid.uuid4().hex}").status == 503, "apps marked down")
        stale = stack.get("/en/library/")
        assert stale.status == 200
        assert stale.text == first.text
    finally:
        stack.start("app1")
        stack.start("app2")
    stack.eventually(lambda: stack.get(f"/en/search/?q={uuid.uuid4().hex}").status == 200, "apps back")


def failed_purges(stack):
    return int(stack.shell("from core.models import FailedPurge; print(FailedPurge.objects.count())"))


def test_publish_while_varnish_is_down_succeeds_and_the_purge_is_retried(stack):
    stack.stop("scheduler")  # so the stored purge stays until Varnish is back
    stack.stop("varnish")
    try:
        output = stack.shell(
            """
            from wagtail.models import Page
            page = Page.objects.get(slug_en="law-informal-economy").specific
            page.title_en = "Law, published while the cache was down"
            page.save_revision().publish()
            print(Page.objects.get(pk=page.pk).specific.title_en)
            """
        )
        assert output.endswith("Law, published while the cache was down")
        assert failed_purges(stack) >= 1
    finally:
        stack.start("varnish")
        stack.start("scheduler")
    stack.eventually(lambda: failed_purges(stack) == 0, "the stored purge sent again", seconds=60)
