"""publications 0008: every author snippet becomes a person's page, the publications keep their
authors in order, and their citations (text, BibTeX, RIS, schema.org) come out byte-identical."""

import json

import lxml.html
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from people.models import PeopleIndexPage, PersonPage
from publications.models import PublicationAuthor
from tests import factories
from tests.helpers import url_in
from translations.models import TranslatedObject

BEFORE = [("publications", "0007_author_name_parts")]


def citations(client, page):
    html = client.get(url_in(page, "es")).content.decode()
    tree = lxml.html.fromstring(html)
    schema = [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]
    return {
        "text": tree.xpath('//*[@id="citation-text"]')[0].text_content(),
        "bib": client.get(f"/en/publications/{page.pk}/cite.bib").content,
        "ris": client.get(f"/fr/publications/{page.pk}/cite.ris").content,
        "schema": next(item for item in schema if item["@type"] in ("Report", "ScholarlyArticle"))["author"],
        "scholar": tree.xpath('//meta[@name="citation_author"]/@content'),
    }


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Migrating back and forth inside the test's transaction needs PostgreSQL (SQLite cannot alter "
    "tables with foreign key checks on inside a transaction); CI runs it on PostgreSQL.",
)
def test_authors_become_people_with_identical_citations(client, site_tree):
    paper = site_tree["publication"]
    paper.authors = [
        PublicationAuthor(
            author=factories.AuthorFactory(key="ashiru", given_name="Kwabena", family_name="Ashiru-Holm")
        ),
        PublicationAuthor(author=factories.AuthorFactory(key="wiego", family_name="WIEGO", is_organisation=True)),
        PublicationAuthor(author=factories.AuthorFactory(key="mononym", given_name="", family_name="Suharti")),
    ]
    paper.save_revision().publish()
    before = citations(client, paper)
    # Back to the author snippets (0008 in reverse makes one per linked person), then forget
    # the people, as a database from before people had them.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # deferred checks would block the schema change
    migrate(BEFORE)
    index = PeopleIndexPage.objects.get()
    gone = [index.pk, *PersonPage.objects.values_list("pk", flat=True)]
    TranslatedObject.objects.filter(page__in=gone).delete()  # such a database tracked no people
    Page.objects.filter(pk__in=gone).delete()
    home = site_tree["home"]
    assert not Page.objects.filter(depth=3, slug="people").exists()

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    from core.modeltranslation_overrides import fill_page_language_columns

    fill_page_language_columns()  # what core's migrate command does after the migrations
    index = PeopleIndexPage.objects.get()
    assert index.get_parent().pk == home.pk and index.title_fr == "Personnes" and index.live
    people = [link.author for link in PublicationAuthor.objects.filter(page=paper).order_by("sort_order", "pk")]
    assert [(p.slug, p.name, p.is_organisation) for p in people] == [
        ("ashiru", "Kwabena Ashiru-Holm", False),
        ("wiego", "WIEGO", True),
        ("mononym", "Suharti", False),
    ]
    assert all(p.live and p.title_en == p.title_pt == p.name for p in people)
    assert all(not problem for problem in Page.find_problems())
    assert citations(client, paper) == before
    assert client.get(url_in(people[0], "pt")).status_code == 200
