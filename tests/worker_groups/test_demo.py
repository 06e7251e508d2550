"""The demo holds the four core worker groups and one more, in four languages, with sourced key
figures, and tags programme pages, publications and impact stories with them."""

import pytest
from django.core.management import call_command
from django.utils import translation

from core import page_languages as languages
from core.tagged_listing import tagged_pages
from programmes.models import ImpactStoryPage, ProgrammePage
from publications.models import PublicationPage
from worker_groups.models import WorkerGroupIndexPage, WorkerGroupPage

CORE_GROUPS = {"domestic-workers", "home-based-workers", "street-vendors", "waste-pickers"}


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_worker_groups(client):
    call_command("load_demo_content", verbosity=0)
    index = WorkerGroupIndexPage.objects.live().get()
    groups = list(WorkerGroupPage.objects.child_of(index).live())
    assert {group.key for group in groups} > CORE_GROUPS
    assert len(groups) >= 5
    for group in groups:
        assert languages.page_languages(group) == ["en", "es", "fr", "pt"], group.key
        for block in group.key_figures_en:
            assert block.value["source"], group.key
        tagged = {type(page) for page in (p.specific for p in tagged_pages("worker_groups", group))}
        assert PublicationPage in tagged, group.key
    everything = [page.specific_class for group in groups for page in tagged_pages("worker_groups", group)]
    assert {ProgrammePage, ImpactStoryPage} <= set(everything)
    for code in ("en", "es", "fr", "pt"):
        with translation.override(code):
            url = groups[0].url
        response = client.get(url)
        assert response.status_code == 200
        assert 'class="key-figures"' in response.content.decode()


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_focal_cities(client):
    from places.models import CityPage

    call_command("load_demo_content", verbosity=0)
    cities = {city.key: city for city in CityPage.objects.live()}
    assert {"accra", "dakar", "delhi", "lima", "bangkok", "durban"} <= set(cities)
    for city in cities.values():
        assert languages.page_languages(city) == ["en", "es", "fr", "pt"], city.key
        assert city.region is not None and city.country and city.coordinator_name
    assert tagged_pages("cities", cities["accra"]).exists()
    with translation.override("fr"):
        url = cities["durban"].url
    assert "Afrique du Sud" in client.get(url).content.decode()
