"""People: a person's page in four languages, the people listing grouped by team and filterable,
what a person wrote (publications and posts), the admin, and the translators' tools."""

import json

import polib
import pytest
from lxml import html as lxml_html
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from news.models import PostAuthor
from people.models import PeopleIndexPage, PersonPage
from publications.models import PublicationAuthor
from tests import factories
from tests.helpers import LANGUAGES, add_url, form_errors, post_form, publish, switcher_hrefs, url_in
from translations import status
from translations.exchange import export

WORD = factories.LANGUAGE_WORDS


@pytest.fixture
def people(site_tree):
    index = factories.PeopleIndexPageFactory(parent=site_tree["home"], name="People")
    tree = {"index": index, "programme": site_tree["programme"], "publication": site_tree["publication"]}
    tree["director"] = factories.PersonPageFactory(
        parent=index, key="amara-lindqvist", given_name="Amara", family_name="Lindqvist Oduya", team="staff"
    )
    factories.tag(tree["director"], site_tree["programme"])
    tree["chair"] = factories.PersonPageFactory(
        parent=index, key="rosa-tembe", given_name="Rosa", family_name="Tembe", team="board", missing=("es",)
    )
    tree["network"] = factories.PersonPageFactory(
        parent=index, key="streetnet", family_name="StreetNet International", is_organisation=True, given_name=""
    )
    publication = site_tree["publication"]
    publication.authors = [PublicationAuthor(author=tree["director"]), PublicationAuthor(author=tree["network"])]
    publish(publication)
    news_index = factories.NewsIndexPageFactory(parent=site_tree["home"], name="News")
    tree["post"] = factories.NewsArticlePageFactory(parent=news_index, name="Vendors win")
    tree["post"].post_authors = [PostAuthor(person=tree["director"])]
    publish(tree["post"])
    return tree


def get(client, url, status_code=200):
    response = client.get(url)
    assert response.status_code == status_code, (url, response.status_code)
    return response.content.decode()


def test_a_person_in_four_languages_name_untranslated_role_translated(client, people):
    person = people["director"]
    assert person.title_fr == "Amara Lindqvist Oduya" and person.name == "Amara Lindqvist Oduya"
    for code in LANGUAGES:
        html = get(client, url_in(person, code))
        assert f'<html lang="{code}"' in html
        assert "<h1>Amara Lindqvist Oduya</h1>" in html
        assert f">Role in {WORD[code]}</p>" in html
        assert f"Biography in {WORD[code]}" in html
        assert switcher_hrefs(html) == {other: url_in(person, other) for other in LANGUAGES}


def test_a_role_missing_in_a_language_is_shown_in_english(client, people):
    html = get(client, url_in(people["chair"], "es"))
    assert '<html lang="es"' in html
    assert '<p class="page-header__intro" lang="en">Role in English</p>' in html


def test_a_person_page_lists_their_publications_and_posts(client, people):
    html = get(client, url_in(people["director"], "fr"))
    assert "Publications" in html and "Working Paper Français" in html
    assert "Actualités" in html and "Vendors win Français" in html
    org = get(client, url_in(people["network"], "en"))
    assert "Working Paper English" in org and "Vendors win" not in org


def test_json_ld_of_a_person_and_of_the_posts_they_wrote(client, people):
    tree = lxml_html.fromstring(get(client, url_in(people["director"], "pt")))
    data = [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]
    (person,) = [item for item in data if item["@type"] == "Person"]
    assert person["familyName"] == "Lindqvist Oduya" and person["givenName"] == "Amara"
    assert person["jobTitle"] == "Role in Português"
    tree = lxml_html.fromstring(get(client, url_in(people["post"], "en")))
    data = [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]
    (article,) = [item for item in data if item["@type"] == "NewsArticle"]
    assert article["author"] == [
        {"@type": "Person", "name": "Amara Lindqvist Oduya", "familyName": "Lindqvist Oduya", "givenName": "Amara"}
    ]
    assert f'<a href="{url_in(people["director"], "en")}">Amara Lindqvist Oduya</a>' in get(
        client, url_in(people["post"], "en")
    )


def test_the_listing_groups_people_by_team_and_filters(client, people):
    url = url_in(people["index"], "es")
    html = get(client, url)
    html = html[html.index('id="results-heading"') :]
    assert html.index(">Personal</h3>") < html.index("Amara Lindqvist Oduya") < html.index(">Junta directiva</h3>")
    assert html.index(">Junta directiva</h3>") < html.index("Rosa Tembe") < html.index("StreetNet International")
    board = get(client, f"{url}?team=board")
    assert "Rosa Tembe" in board and "Amara Lindqvist Oduya" not in board
    tagged = get(client, f"{url}?programme={people['programme'].pk}")
    assert "Amara Lindqvist Oduya" in tagged and "Rosa Tembe" not in tagged
    for bad in ("team=kings", "programme=zz", "region=mars"):
        assert 'class="notice"' in get(client, f"{url}?{bad}"), bad


def test_an_organisation_has_no_given_name(people):
    from django.core.exceptions import ValidationError

    organisation = PersonPage(given_name="Women", family_name="WIEGO", is_organisation=True)
    with pytest.raises(ValidationError) as error:
        organisation.clean()
    assert "given_name" in error.value.message_dict


def test_editor_creates_and_publishes_a_person_in_four_languages(admin_client, people):
    index = people["index"]
    changes = {"given_name": "Lucía", "family_name": "Ferrán Abaroa", "team": "associates", "slug_en": "lucia-ferran"}
    for code in LANGUAGES:
        changes[f"role_{code}"] = f"Researcher {WORD[code]}"
        changes[f"biography_{code}"] = f"Story {WORD[code]}"
    changes.update(nested_form_data({"programme_tags": inline_formset([{"programme": people["programme"].pk}])}))
    response = post_form(admin_client, add_url(PersonPage, index), changes)
    assert response.status_code == 302, form_errors(response)
    person = PersonPage.objects.get(slug_en="lucia-ferran")
    assert person.live and person.name == "Lucía Ferrán Abaroa" and person.title_pt == "Lucía Ferrán Abaroa"
    for code in LANGUAGES:
        html = get(admin_client, url_in(person, code))
        assert f"Researcher {WORD[code]}" in html and f"Story {WORD[code]}" in html


def test_editor_creates_the_people_index_in_four_languages(admin_client, home):
    changes = {}
    for code in LANGUAGES:
        changes[f"title_{code}"] = f"People {WORD[code]}"
        changes[f"slug_{code}"] = f"people-{code}"
        changes[f"intro_{code}"] = f"Who we are {WORD[code]}"
    response = post_form(admin_client, add_url(PeopleIndexPage, home), changes)
    assert response.status_code == 302, form_errors(response)
    index = PeopleIndexPage.objects.get()
    assert index.live
    for code in LANGUAGES:
        assert f"Who we are {WORD[code]}" in get(admin_client, url_in(index, code))


def test_translators_status_and_exchange_cover_people(people):
    from translations.models import LanguageStatus

    assert {PeopleIndexPage, PersonPage} <= set(status.tracked_models())
    chair = people["chair"]
    rows = dict(LanguageStatus.objects.filter(item__page=chair).values_list("language", "status"))
    assert rows["es"] != "complete" and rows["fr"] == "complete"
    po = polib.pofile(export.export_file(export.PAGE, "es", page=chair))
    assert {"Role in English", "Biography in English"} <= {entry.msgid for entry in po}


def test_people_are_in_search_and_sitemap(client, people):
    from tests.helpers import search_page

    assert "Amara Lindqvist Oduya" in search_page(client, "fr", "Lindqvist").content.decode()
    xml = get(client, "/sitemap.xml")
    for code in LANGUAGES:
        assert f"{url_in(people['director'], code)}</loc>" in xml


def test_the_people_listing_costs_the_same_however_many_people(client, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.helpers import make_image

    url = f"{url_in(people['index'], 'en')}?programme={people['programme'].pk}"

    def count():
        with CaptureQueriesContext(connection) as captured:
            get(client, url)
        return len(captured)

    few = count()
    for n in range(10):
        person = factories.PersonPageFactory(parent=people["index"], key=f"extra-{n}", team="associates")
        person.photo = make_image(title=f"Portrait {n}")
        factories.tag(person, people["programme"])
    count()  # the first visit makes the photos' renditions
    assert count() <= few + 2  # the photos' two queries (images and renditions), once
