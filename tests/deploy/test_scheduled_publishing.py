"""Scheduled publishing runs in the stack (its scheduler runs `run_scheduled_jobs`, every second
here, every minute by default) and purges like a manual publish."""

import pytest

pytestmark = pytest.mark.slow


def test_scheduled_publish_shows_through_the_proxy(stack):
    info = stack.page_info("urban-policies")
    stack.cached(info["urls"]["en"])
    stack.cached(info["urls"]["es"])
    stack.shell(
        """
        from datetime import timedelta
        from django.utils import timezone
        from wagtail.models import Page
        page = Page.objects.get(slug_en="urban-policies").specific
        page.title_en = "Urban policies, scheduled"
        page.title_es = "Políticas urbanas, programadas"
        page.go_live_at = timezone.now() + timedelta(seconds=2)
        revision = page.save_revision()
        revision.publish()  # with go_live_at ahead: approved for later, published by the scheduler
        assert Page.objects.get(pk=page.pk).specific.title_en != "Urban policies, scheduled"
        """
    )
    title = "Urban policies, scheduled"
    stack.eventually(stack.shows(info["urls"]["en"], title), "the scheduled title", seconds=60)
    stack.eventually(stack.shows(info["urls"]["es"], "Políticas urbanas, programadas"), "the Spanish title")


def test_scheduled_unpublish_takes_the_page_away(stack):
    info = stack.page_info("statistics")
    stack.cached(info["urls"]["fr"])
    stack.shell(
        """
        from datetime import timedelta
        from django.utils import timezone
        from wagtail.models import Page
        page = Page.objects.get(slug_en="statistics").specific
        page.expire_at = timezone.now() + timedelta(seconds=2)
        page.save_revision().publish()
        """
    )
    path = info["urls"]["fr"]
    stack.eventually(lambda: stack.get(path).status == 404, "the expired page gone", seconds=60)
