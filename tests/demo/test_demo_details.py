"""Details of the demo content a visitor notices: the Ghana story leads to its report, its figures
agree, every page can be shared with a picture, listings fill whole rows, authors are cited by
family name, documents are served with an ETag. One load of the demo content (it takes a while) serves every check."""

import re

import lxml.html
import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import Page

from core.models import IndexPageMixin
from people.models import PersonPage
from programmes.models import ImpactStoryPage
from publications.models import PublicationPage

LANGUAGES = ["en", "es", "fr", "pt"]
HOST = {"HTTP_HOST": "127.0.0.1:8000"}


def url_in(page, language):
    with translation.override(language):
        return page.url


def text_of(html):
    return " ".join(lxml.html.fromstring(html).text_content().split())


@pytest.mark.django_db
def test_demo_content_details(client):
    call_command("load_demo_content", verbosity=0)
    story = ImpactStoryPage.objects.get(slug_en="ghana-health-policy-dialogue")
    report = PublicationPage.objects.get(slug_en="head-porters-health-insurance-accra")

    for language in LANGUAGES:
        html = client.get(url_in(story, language), **HOST).content.decode()
        # The story links to its report in the library, in the same language.
        related = re.search(r'<nav class="related-pages".*?</nav>', html, re.S).group(0)
        assert f'href="{url_in(report, language)}"' in related, language
        # "People reached" is the figure the story's text quotes, written the same way.
        shown = re.search(r"<dd>([^<]+)</dd>\s*</dl>", html).group(1)
        with translation.override(language):
            teaser = story.teaser
        assert shown in teaser, (language, shown, teaser)
        assert shown.replace("\xa0", " ") in text_of(html.split('<div class="body', 1)[1])

    # Every live page has an Open Graph image (its own or the site's default).
    pages = Page.objects.live().filter(depth__gt=1).specific()
    without = [
        page.url_path
        for page in pages
        if 'property="og:image"' not in client.get(url_in(page, "en"), **HOST).content.decode()
    ]
    assert without == []

    # Listing pages show 12 cards.
    sizes = {page.url_path: page.items_per_page for page in pages if isinstance(page, IndexPageMixin)}
    assert sizes and set(sizes.values()) == {12}, sizes

    # Authors: the organisation has one name, people a family and given names.
    assert PersonPage.objects.get(slug_en="wiego").is_organisation
    assert PersonPage.objects.get(slug_en="beatriz-almendra-tavira").family_name == "Almendra Tavira"
    assert not PersonPage.objects.filter(is_organisation=False, given_name="").exists()

    # Every demo document is served with its file's hash as ETag: a client's empty or stale
    # validator gets the file, the current one a 304; no made-up Content-Encoding header.
    documents = Document.objects.all()
    assert documents and not documents.filter(file_hash="").exists()
    for document in documents[:3]:
        response = client.get(document.url, **HOST)
        assert response.status_code == 200 and response["ETag"] == f'"{document.file_hash}"'
        assert "Content-Encoding" not in response
        assert client.get(document.url, HTTP_IF_NONE_MATCH='""', **HOST).status_code == 200
        assert client.get(document.url, HTTP_IF_NONE_MATCH=response["ETag"], **HOST).status_code == 304
