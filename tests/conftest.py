import pytest
from django.core.cache import cache
from django.utils import translation

from tests import factories


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Start the tests marked slow first (after pytest-django has put database tests before the
    others; slow tests use the database too), so that pytest-xdist's workers share out the
    short ones around them and finish together instead of waiting on one late slow test."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def fresh_state(settings, tmp_path):
    """Every test starts with an empty cache (wagtail-modeltranslation caches each language's
    site root paths there, which would leak between tests), English active and its own media."""
    cache.clear()
    settings.MEDIA_ROOT = tmp_path / "media"
    translation.activate("en")
    yield
    cache.clear()
    translation.activate("en")


@pytest.fixture
def home(db):
    return factories.HomePageFactory(name="Home", slug_en="home", slug_es="inicio", slug_fr="accueil", slug_pt="inicio")


@pytest.fixture
def site_tree(home):
    """A small site with every page type, tagged so the programme listing has content."""
    tree = {"home": home}
    tree["standard"] = factories.StandardPageFactory(parent=home, name="What We Do", show_in_menus=True)
    tree["programme_index"] = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes", show_in_menus=True)
    tree["programme"] = factories.ProgrammePageFactory(parent=tree["programme_index"], name="Social Protection")
    tree["initiative_index"] = factories.InitiativeIndexPageFactory(parent=home, name="Initiatives")
    tree["initiative"] = factories.InitiativePageFactory(parent=tree["initiative_index"], name="Child Care")
    tree["impact_index"] = factories.ImpactIndexPageFactory(parent=home, name="Impact")
    tree["impact"] = factories.ImpactStoryPageFactory(parent=tree["impact_index"], name="Ghana Dialogue")
    tree["library"] = factories.PublicationIndexPageFactory(parent=home, name="Library", show_in_menus=True)
    tree["publication"] = factories.PublicationPageFactory(parent=tree["library"], name="Working Paper")
    for key in ("standard", "initiative", "impact", "publication"):
        factories.tag(tree[key], tree["programme"])
    tree["worker_group_index"] = factories.WorkerGroupIndexPageFactory(parent=home, name="Worker groups")
    tree["worker_group"] = factories.WorkerGroupPageFactory(parent=tree["worker_group_index"], name="Waste pickers")
    factories.tag_worker_groups(tree["publication"], tree["worker_group"])
    tree["city_index"] = factories.CityIndexPageFactory(parent=home, name="Focal cities")
    tree["city"] = factories.CityPageFactory(parent=tree["city_index"], name="Accra")
    factories.tag_cities(tree["impact"], tree["city"])
    return tree


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(user)
    return client
