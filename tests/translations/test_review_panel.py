"""Moderators' "Awaiting your review" says which languages each submission changes."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from tests.factories import StandardPageFactory
from translations.review_panel import ReviewPanel

pytestmark = pytest.mark.django_db


def submit(page, user, **changes):
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision(user=user)
    page.get_workflow().start(page, user)


@pytest.fixture
def submissions(home, django_user_model):
    lead = django_user_model.objects.get(username="editor")
    spanish = StandardPageFactory(parent=home, name="Spanish only", missing=("es",))
    submit(spanish, lead, title_es="Vendedores", teaser_es="Quiénes somos", body_es=spanish.body_en)
    english = StandardPageFactory(parent=home, name="English rewrite")
    submit(english, lead, teaser_en="A new English teaser", teaser_fr="Un nouveau résumé")
    new = StandardPageFactory(parent=home, name="Never published", missing=("fr", "pt"), live=False)
    submit(new, lead)
    return {"spanish": spanish, "english": english, "new": new}


def languages_cell(html, page):
    soup = BeautifulSoup(html, "html.parser")
    panel = soup.select_one("#awaiting-review-content") or soup
    for row in panel.select("tbody tr"):
        link = row.select_one("td.title a")
        if link and link["href"].endswith(f"/pages/{page.pk}/edit/"):
            return row.select_one("td.translation-review-languages")
    raise AssertionError(f"no row for {page}")


def test_awaiting_review_lists_the_languages_a_submission_changes(admin_client, submissions):
    html = admin_client.get("/admin/").content.decode()
    spanish = languages_cell(html, submissions["spanish"])
    assert spanish["data-languages"] == "es"
    assert "Spanish" in spanish.get_text() and "Languages changed:" in spanish.get_text()
    assert languages_cell(html, submissions["english"])["data-languages"] == "en fr"
    assert languages_cell(html, submissions["new"])["data-languages"] == "en es"


def test_the_languages_cost_no_query_per_submission(admin_client, submissions, django_user_model):
    request = RequestFactory().get("/admin/")
    request.user = django_user_model.objects.get(username="editor")
    parent_context = {"request": request, "csrf_token": "token"}
    with CaptureQueriesContext(connection) as wagtail:
        plain = WorkflowObjectsToModeratePanel().get_context_data(parent_context)
    with CaptureQueriesContext(connection) as ours:
        extended = ReviewPanel().get_context_data(parent_context)
    assert len(plain["states"]) == len(extended["states"]) == 3
    assert len(ours) == len(wagtail)


def test_the_moderator_previews_a_submission_in_each_language_it_changes(admin_client, submissions):
    """The moderation preview renders the submitted revision in the language asked for, so the
    Spanish a translator sent is seen in Spanish, not as "not yet available in Spanish"."""
    html = admin_client.get("/admin/").content.decode()
    row = languages_cell(html, submissions["spanish"]).find_parent("tr")
    links = {a.get("hreflang"): a["href"] for a in row.select("a[target=_blank]")}
    assert set(links) == {None, "es"}, links  # Preview (English), Preview in Spanish
    spanish = admin_client.get(links["es"]).content.decode()
    assert "<h1>Vendedores</h1>" in spanish
    assert 'lang="es"' in spanish and 'class="notice" role="note"' not in spanish
    english = admin_client.get(links[None]).content.decode()
    assert "<h1>Spanish only English</h1>" in english
