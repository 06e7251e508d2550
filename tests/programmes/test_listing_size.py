"""Listings show 12 cards; pages left at the old demo sizes move to 12; the initiatives index
lists global projects and special initiatives apart, each under its heading."""

import importlib
import re

import pytest
from django.apps import apps
from wagtail.models import Revision

from programmes.models import ImpactIndexPage, InitiativeIndexPage, InitiativePage, ProgrammePage
from publications.models import PublicationIndexPage
from tests import factories
from tests.helpers import LANGUAGES, card_titles, url_in

GROUP_HEADINGS = {
    "en": ["Global projects", "Special initiatives"],
    "es": ["Proyectos globales", "Iniciativas especiales"],
    "fr": ["Projets mondiaux", "Initiatives spéciales"],
    "pt": ["Projetos globais", "Iniciativas especiais"],
}


def run_migration(app, name):
    importlib.import_module(f"{app}.migrations.{name}").forwards(apps, None)


@pytest.mark.django_db
def test_a_new_listing_page_shows_twelve():
    for model in (ProgrammePage, PublicationIndexPage, InitiativeIndexPage, ImpactIndexPage):
        assert model().items_per_page == 12


@pytest.mark.django_db
def test_pages_at_the_old_demo_sizes_move_to_twelve_with_their_revision(home):
    index = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes")
    old = factories.ProgrammePageFactory(parent=index, name="Old", items_per_page=6)
    chosen = factories.ProgrammePageFactory(parent=index, name="Chosen", items_per_page=5)
    initiatives = factories.InitiativeIndexPageFactory(parent=home, name="Initiatives", items_per_page=4)
    library = factories.PublicationIndexPageFactory(parent=home, name="Library", items_per_page=8)
    for page in (old, chosen, initiatives, library):
        page.save_revision().publish()

    run_migration("programmes", "0005_twelve_items_per_page")
    run_migration("publications", "0006_twelve_items_per_page")

    sizes = {page.pk: type(page).objects.get(pk=page.pk).items_per_page for page in (old, chosen, initiatives, library)}
    assert sizes == {old.pk: 12, chosen.pk: 5, initiatives.pk: 12, library.pk: 12}
    old.refresh_from_db()
    assert Revision.objects.get(pk=old.latest_revision_id).content["items_per_page"] == 12
    # Publishing the latest revision again keeps the new size.
    old.latest_revision.publish()
    assert ProgrammePage.objects.get(pk=old.pk).items_per_page == 12


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_initiatives_index_groups_global_projects_and_special_initiatives(client, home, language):
    index = factories.InitiativeIndexPageFactory(parent=home, name="Initiatives", items_per_page=12)
    for name, initiative_type in [
        ("Child Care", InitiativePage.SPECIAL_INITIATIVE),
        ("Inclusive Cities", InitiativePage.GLOBAL_PROJECT),
        ("Exposure Dialogues", InitiativePage.SPECIAL_INITIATIVE),
        ("Social Protection Project", InitiativePage.GLOBAL_PROJECT),
    ]:
        factories.InitiativePageFactory(parent=index, name=name, initiative_type=initiative_type)

    html = client.get(url_in(index, language)).content.decode()
    sections = re.findall(r'<section class="listing-group">\s*<h2>([^<]+)</h2>(.*?)</section>', html, re.S)

    assert [heading for heading, _cards in sections] == GROUP_HEADINGS[language]
    words = factories.LANGUAGE_WORDS[language]
    assert card_titles(sections[0][1]) == [f"Social Protection Project {words}", f"Inclusive Cities {words}"]
    assert card_titles(sections[1][1]) == [f"Exposure Dialogues {words}", f"Child Care {words}"]
