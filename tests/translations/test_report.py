"""The translation status report, one object's field-by-field view, the editor's panel and
confirming translations, through the admin as a person would use them."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ProgrammePageFactory, RegionFactory, StandardPageFactory
from translations.models import LanguageStatus, Status, TranslatedObject

pytestmark = pytest.mark.django_db

REPORT = "/admin/translations/status/"


def cells(response, item):
    soup = BeautifulSoup(response.content, "html.parser")
    row = soup.select_one(f'tr[data-item="{item.pk}"]')
    if row is None:
        return None
    return {td["data-language"]: td["data-status"] for td in row.select("td[data-language]")}


def counts(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        (td["data-language"], td["data-status"]): int(td.a.contents[0].strip())
        for td in soup.select(".translation-counts td[data-language]")
    }


@pytest.fixture
def pages(site_tree):
    fresh = StandardPageFactory(parent=site_tree["home"], name="Fresh", missing=("fr", "pt"))
    stale = site_tree["programme"]
    stale.teaser_en = "New English teaser"
    stale.save()
    return {"fresh": fresh, "stale": stale, **site_tree}


def item_for(page):
    return TranslatedObject.objects.get(page=page)


def test_report_shows_each_page_against_each_language(admin_client, pages):
    response = admin_client.get(REPORT)
    assert response.status_code == 200
    assert cells(response, item_for(pages["fresh"])) == {"es": "complete", "fr": "missing", "pt": "missing"}
    assert cells(response, item_for(pages["stale"])) == {"es": "outdated", "fr": "outdated", "pt": "outdated"}
    assert cells(response, item_for(pages["publication"])) == {"es": "complete", "fr": "complete", "pt": "complete"}
    expected_fr_missing = LanguageStatus.objects.filter(language="fr", status=Status.MISSING).count()
    assert counts(response)[("fr", "missing")] == expected_fr_missing >= 1
    assert counts(response)[("es", "outdated")] == 1


@pytest.mark.parametrize("parameter", ["type", "kind"])  # ?kind= from bookmarks made before the rename
def test_report_lists_snippets_too(admin_client, pages, parameter):
    region = RegionFactory(name_en="Africa", name_es="África", name_fr="", name_pt="")
    response = admin_client.get(REPORT, {parameter: "snippet"})
    item = TranslatedObject.objects.get(object_id=region.pk, content_type__model="region")
    assert cells(response, item) == {"es": "complete", "fr": "missing", "pt": "missing"}
    assert cells(response, item_for(pages["fresh"])) is None
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f'tr[data-item="{item.pk}"] a')["href"].endswith(f"/edit/{region.pk}/")
    # The filter form shows the choice under its new name, whichever parameter brought it.
    select = soup.select_one('select[name="type"]')
    assert select.select_one("option[selected]")["value"] == "snippet"
    assert soup.select_one(f'label[for="{select["id"]}"]').get_text(strip=True) == "Page, snippet or image"
    assert soup.select_one('[name="kind"]') is None


def test_report_lists_pages_before_snippets_and_images(admin_client, pages):
    region = RegionFactory(name_en="Aardvark region")  # sorts first by title
    photo = wagtail_factories.ImageFactory(title="Aaa photo", description_en="A photo")
    response = admin_client.get(REPORT)
    soup = BeautifulSoup(response.content, "html.parser")
    order = [int(row["data-item"]) for row in soup.select("tr[data-item]")]
    kinds = [TranslatedObject.objects.get(pk=pk).object_type for pk in order]
    assert kinds == sorted(kinds, key=["page", "snippet", "image"].index)
    assert kinds[0] == "page" and {"snippet", "image"} <= set(kinds)
    assert order.index(item_for(pages["fresh"]).pk) < order.index(
        TranslatedObject.objects.get(object_id=region.pk, content_type__model="region").pk
    )
    assert TranslatedObject.objects.filter(object_type="image", object_id=photo.pk).exists()


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"language": "fr", "status": "missing"}, ["fresh"], ["stale", "publication"]),
        ({"status": "outdated"}, ["stale"], ["fresh", "publication"]),
        ({"language": "es", "status": "complete"}, ["fresh", "publication"], ["stale"]),
        ({"q": "fresh"}, ["fresh"], ["stale"]),
    ],
)
def test_filters(admin_client, pages, params, shown, hidden):
    response = admin_client.get(REPORT, params)
    for key in shown:
        assert cells(response, item_for(pages[key])) is not None, key
    for key in hidden:
        assert cells(response, item_for(pages[key])) is None, key


def test_filter_by_section_and_type(admin_client, pages):
    programme_type = item_for(pages["stale"]).content_type
    response = admin_client.get(REPORT, {"content_type": programme_type.pk})
    assert cells(response, item_for(pages["stale"])) is not None
    assert cells(response, item_for(pages["fresh"])) is None
    response = admin_client.get(REPORT, {"section": pages["library"].pk})
    assert cells(response, item_for(pages["publication"])) is not None
    assert cells(response, item_for(pages["library"])) is not None
    assert cells(response, item_for(pages["stale"])) is None


def test_bad_filter_values_are_reported_not_500(admin_client, pages):
    response = admin_client.get(REPORT, {"status": "nonsense", "section": "abc", "p": "x"})
    assert response.status_code == 200
    assert "not valid" in response.content.decode()
    assert cells(response, item_for(pages["fresh"])) is not None


def test_report_shows_when_the_live_version_differs(admin_client, pages):
    page = pages["fresh"]
    page.title_fr, page.teaser_fr, page.intro_fr = "Frais", "Résumé", "Introduction"
    page.body_fr = [{"type": "paragraph", "value": "<p>Texte</p>"}]
    page.save_revision()
    response = admin_client.get(REPORT, {"live_differs": "on"})
    assert cells(response, item_for(page))["fr"] == "complete"
    assert cells(response, item_for(pages["stale"])) is None
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f'tr[data-item="{item_for(page).pk}"] td[data-language="fr"] [data-live-status="missing"]')


def test_report_query_count_does_not_grow_with_pages(admin_client, home):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(REPORT).status_code == 200
        return len(captured)

    for index in range(3):
        StandardPageFactory(parent=home, name=f"Small {index}")
    few = queries()
    for index in range(30):
        StandardPageFactory(parent=home, name=f"More {index}")
    assert queries() == few


def test_edit_view_has_field_by_field_panel(admin_client, pages):
    page = pages["stale"]
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    teaser = soup.select_one('.translation-fields tr[data-key="teaser"]')
    assert {td["data-language"]: td["data-status"] for td in teaser.select("td")} == {
        "es": "outdated",
        "fr": "outdated",
        "pt": "outdated",
    }
    review = soup.select_one('a[href*="/admin/translations/status/"][href*="next="]')
    assert review["href"].endswith(f"next=/admin/pages/{page.pk}/edit/")
    title = soup.select_one('.translation-fields tr[data-key="title"]')
    assert {td["data-status"] for td in title.select("td")} == {"complete"}


def test_confirm_still_right_clears_the_mark(admin_client, pages):
    page = pages["stale"]
    item = item_for(page)
    detail = admin_client.get(f"{REPORT}{item.pk}/")
    assert detail.status_code == 200
    soup = BeautifulSoup(detail.content, "html.parser")
    forms = soup.select("form.translation-confirm")
    assert {form.select_one('input[name="language"]')["value"] for form in forms} == {"es", "fr", "pt"}
    response = admin_client.post(f"{REPORT}{item.pk}/confirm/", {"language": "es", "keys": ["teaser"]}, follow=True)
    assert response.status_code == 200
    assert LanguageStatus.objects.get(item=item, language="es").status == Status.COMPLETE
    assert LanguageStatus.objects.get(item=item, language="fr").status == Status.OUTDATED


def test_confirm_rejects_unknown_language(admin_client, pages):
    item = item_for(pages["stale"])
    response = admin_client.post(f"{REPORT}{item.pk}/confirm/", {"language": "de", "keys": ["teaser"]})
    assert response.status_code == 302  # Wagtail's admin turns PermissionDenied into a redirect
    assert response["Location"] != f"{REPORT}{item.pk}/"
    assert LanguageStatus.objects.filter(item=item, status=Status.OUTDATED).count() == 3


def test_people_without_translation_rights_cannot_see_the_report(client, django_user_model, pages):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("visitor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORT).status_code in (302, 403)


def test_programme_page_units_include_stream_blocks(home):
    page = ProgrammePageFactory(
        parent=home,
        name="Stream",
        body_en=[{"type": "heading", "value": {"text": "Heading", "level": "h2"}, "id": "h"}],
        body_es=[{"type": "heading", "value": {"text": "Título", "level": "h2"}, "id": "h"}],
    )
    assert "body.h.text" in item_for(page).sources
