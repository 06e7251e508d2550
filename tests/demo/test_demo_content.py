"""The demo content command builds the whole tree and can run twice without duplicating."""

import re

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import Page, Site

from core import page_languages as languages
from core.models import SiteImage
from home.models import HomePage
from programmes.models import ImpactStoryPage, InitiativePage, ProgrammePage
from publications.models import PublicationFile, PublicationPage


def counts():
    return {
        "pages": Page.objects.count(),
        "images": SiteImage.objects.count(),
        "documents": Document.objects.count(),
        "files": PublicationFile.objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_content_builds_the_tree_and_is_idempotent(client):
    call_command("load_demo_content", verbosity=0)
    first = counts()
    call_command("load_demo_content", verbosity=0)
    assert counts() == first

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert isinstance(site.root_page.specific, HomePage)
    assert ProgrammePage.objects.live().count() == 5
    assert ImpactStoryPage.objects.filter(slug_en="ghana-health-policy-dialogue").exists()
    assert InitiativePage.objects.live().count() >= 5
    assert PublicationPage.objects.live().count() > 8

    # Files in several languages, including a language the page itself lacks.
    assert set(PublicationFile.objects.values_list("language", flat=True)) == {"en", "es", "fr", "pt"}
    # Some pages are left untranslated on purpose.
    untranslated = [page for page in Page.objects.live().specific() if len(languages.page_languages(page)) < 4]
    assert len(untranslated) >= 3

    # Demo credits never name the seeds' photographers.
    assert not SiteImage.objects.filter(credit__icontains="getty").exists()

    # Every live page answers in every language.
    for page in Page.objects.live().filter(depth__gt=1).specific():
        for code in ("en", "es", "fr", "pt"):
            with translation.override(code):
                url = page.url
            response = client.get(url, HTTP_HOST="127.0.0.1:8000")
            assert response.status_code == 200, url
            # The site speaks as the organisation: demo status is stated in the README only.
            assert not re.search(r"\bdemo\b", response.content.decode(), re.IGNORECASE), url
