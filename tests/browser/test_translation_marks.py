"""The page editor shows out-of-date marks beside the translated fields and StreamField blocks
(translations/outdated-marks.js), in Chromium against the demo content."""

import pytest

from tests.helpers import outside_event_loop


def _make_outdated_page():
    from django.contrib.auth import get_user_model
    from django.test import Client

    from standard_pages.models import StandardPage

    page = StandardPage.objects.live().filter(body_es__isnull=False).exclude(teaser_es="").order_by("path").first()
    draft = page.get_latest_revision_as_object()
    draft.teaser_en = f"{draft.teaser_en} (changed)"
    body = list(draft.body_en.raw_data)
    block = next(item for item in body if item["type"] == "paragraph")
    block["value"] += "<p>A new English sentence.</p>"
    draft.body_en = body
    draft.save_revision()
    user, _created = get_user_model().objects.get_or_create(
        username="marks-lead", defaults={"is_superuser": True, "is_staff": True, "email": "lead@example.org"}
    )
    client = Client()
    client.force_login(user)
    return {"edit": f"/admin/pages/{page.pk}/edit/", "session": client.cookies["sessionid"].value}


@pytest.fixture(scope="module")
def outdated_page(demo_site):
    return outside_event_loop(_make_outdated_page)


def test_out_of_date_marks_appear_beside_the_field_and_the_block(demo_site, outdated_page, open_page):
    page = open_page("desktop")
    page.context.add_cookies([{"name": "sessionid", "value": outdated_page["session"], "url": demo_site.base_url}])
    page.goto(demo_site.base_url + outdated_page["edit"])
    teaser = page.locator("#id_teaser_es")
    wrapper = page.locator("[data-field-wrapper]").filter(has=teaser)
    mark = wrapper.locator("[data-translation-outdated]")
    mark.wait_for()
    assert mark.is_visible()
    assert "Out of date" in mark.inner_text()
    assert mark.get_attribute("id") in (teaser.get_attribute("aria-describedby") or "").split()
    # The Spanish body's changed paragraph block is marked too, inside the block.
    block_mark = page.locator('[data-contentpath="body_es"] [data-translation-outdated]').first
    block_mark.wait_for()
    assert block_mark.is_visible()
    # The English fields carry no mark.
    assert (
        page.locator("[data-field-wrapper]")
        .filter(has=page.locator("#id_teaser_en"))
        .locator("[data-translation-outdated]")
        .count()
        == 0
    )
