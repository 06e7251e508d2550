"""The admin works under its Content-Security-Policy (settings.CONTENT_SECURITY_POLICY_ADMIN): in
Chromium against the demo content, signing in, the page editor with its preview, the image
chooser, the translation views and the two-step set-up screen run with nothing refused by the
policy."""

import pytest

from tests.helpers import RECORD_CSP_VIOLATIONS, csp_violations, outside_event_loop

PASSWORD = "a-long-test-password"


def _admin_and_objects():
    from django.contrib.auth import get_user_model
    from django.test import Client

    from home.models import HomePage
    from publications.models import PublicationPage
    from translations.models import TranslatedObject

    user_model = get_user_model()
    user = user_model.objects.filter(username="policy-lead").first()
    if user is None:
        user = user_model.objects.create_superuser("policy-lead", "policy-lead@example.org", PASSWORD)
    client = Client()
    client.force_login(user)
    publication = PublicationPage.objects.live().filter(files__isnull=False).order_by("path").first()
    return {
        "session": client.cookies["sessionid"].value,
        "publication": publication.pk,
        "home": HomePage.objects.get().pk,
        "status_detail": TranslatedObject.objects.order_by("pk").first().pk,
    }


def open_admin(page, url):
    """Open an admin page, which must be sent with the admin's policy."""
    response = page.goto(url)
    assert response.status == 200, url
    policy = response.headers.get("content-security-policy", "")
    assert policy.startswith("default-src 'self'") and "'unsafe-eval'" not in policy, policy
    return response


@pytest.fixture(scope="module")
def admin(demo_site):
    return outside_event_loop(_admin_and_objects)


@pytest.fixture
def admin_page(demo_site, admin, open_page):
    """A desktop page signed in to the admin, recording what the policy refuses."""
    page = open_page("desktop")
    page.context.add_init_script(RECORD_CSP_VIOLATIONS)
    page.context.add_cookies([{"name": "sessionid", "value": admin["session"], "url": demo_site.base_url}])
    return page


def test_signing_in(demo_site, open_page, admin):
    page = open_page("desktop")
    page.context.add_init_script(RECORD_CSP_VIOLATIONS)
    open_admin(page, demo_site.base_url + "/admin/login/")
    page.fill("#id_username", "policy-lead")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("form.login-form button[type=submit]")
    assert page.url == demo_site.base_url + "/admin/"
    assert csp_violations(page) == []


def test_page_editor_and_its_preview(demo_site, admin, admin_page):
    page = admin_page
    open_admin(page, f"{demo_site.base_url}/admin/pages/{admin['publication']}/edit/")
    # The rich text editors are drawn by the admin's scripts: they ran.
    page.locator(".public-DraftEditor-content").first.wait_for()
    # A new block and a new file row: their inline scripts run when they are added.
    page.locator("button.c-sf-add-button >> visible=true").first.click()
    page.locator("[role=option] >> visible=true").first.click()
    page.locator("button[id$='-ADD'] >> visible=true").first.click()
    # The preview panel shows the page in a frame, under the public policy.
    page.locator("[data-side-panel-toggle='preview']").first.click()
    frame = page.frame_locator("#w-preview-iframe")
    frame.locator("h1").first.wait_for()
    assert csp_violations(page) == []


def test_image_chooser(demo_site, admin, admin_page):
    page = admin_page
    open_admin(page, f"{demo_site.base_url}/admin/pages/add/standard_pages/standardpage/{admin['home']}/")
    page.locator("[data-chooser-action-choose] >> visible=true").first.click()
    choice = page.locator(".modal a.image-choice, .modal [data-chooser-modal-choice]").first
    choice.wait_for()
    page.locator(".modal input[name=q]").first.fill("market")
    page.locator(".modal [role=tab]").nth(1).click()  # the upload form
    page.locator(".modal [role=tab]").nth(0).click()
    chosen = page.locator(".modal a.image-choice, .modal [data-chooser-modal-choice]").first
    title = chosen.inner_text().strip()
    chosen.click()
    page.locator(".chooser__title >> visible=true").first.wait_for()
    assert title in page.locator(".chooser__title >> visible=true").first.inner_text()
    assert csp_violations(page) == []


@pytest.mark.parametrize(
    "path",
    [
        "/admin/translations/status/",
        "status_detail",
        "/admin/translations/files/export/",
        "/admin/translations/files/import/",
    ],
)
def test_translation_views(demo_site, admin, admin_page, path):
    page = admin_page
    if not path.startswith("/"):
        path = f"/admin/translations/status/{admin[path]}/"
    open_admin(page, demo_site.base_url + path)
    page.wait_for_load_state("networkidle")
    assert csp_violations(page) == []


def test_two_step_set_up_screen(demo_site, admin, admin_page):
    page = admin_page
    open_admin(page, demo_site.base_url + "/admin/sign-in/two-step/set-up/")
    qr_code = page.locator("svg.two-factor__qr")
    assert qr_code.is_visible()
    assert qr_code.bounding_box()["width"] >= 150  # big enough to scan
    assert csp_violations(page) == []
