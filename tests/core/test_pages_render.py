"""Every page type renders in each language with the right lang, content and switcher links."""

import pytest

from tests import factories
from tests.helpers import LANGUAGES, PAGE_KEYS, case, make_image, publication_file, switcher_hrefs, url_in

WORD = factories.LANGUAGE_WORDS


@pytest.mark.django_db
@pytest.mark.parametrize("key", PAGE_KEYS)
def test_page_renders_in_each_language(client, site_tree, key):
    # The languages in one test: building the site costs far more than checking a page.
    for language in LANGUAGES:
        with case(f"{key} in {language}"):
            page = site_tree[key]
            url = url_in(page, language)
            assert url.startswith(f"/{language}/")

            response = client.get(url)

            assert response.status_code == 200
            html = response.content.decode()
            assert f'<html lang="{language}"' in html
            # The title in this language, and no fallback notice.
            assert f"{page.title_en.rsplit(' ', 1)[0]} {WORD[language]}" in html
            assert "not yet available" not in html
            # The switcher links to this same page in every language.
            hrefs = switcher_hrefs(html)
            assert hrefs == {code: url_in(page, code) for code in LANGUAGES}
            for code in LANGUAGES:
                assert client.get(hrefs[code]).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["standard", "initiative", "impact", "publication", "programme"])
def test_main_text_is_shown_in_the_active_language(client, site_tree, key):
    page = site_tree[key]
    for language in LANGUAGES:
        html = client.get(url_in(page, language)).content.decode()
        main = html.split('<main id="main"', 1)[1]
        assert WORD[language] in main
        others = [WORD[code] for code in LANGUAGES if code != language]
        # Page content (not the language switcher in the header) is only in this language.
        assert not any(f"in {word}" in main for word in others)


@pytest.mark.django_db
def test_slugs_are_translated(site_tree):
    programme = site_tree["programme"]
    assert url_in(programme, "en") == "/en/programmes-en/social-protection-en/"
    assert url_in(programme, "es") == "/es/programmes-es/social-protection-es/"
    assert url_in(programme, "pt") == "/pt/programmes-pt/social-protection-pt/"


@pytest.mark.django_db
def test_switcher_keeps_the_query_string_url_encoded(client, site_tree):
    url = url_in(site_tree["programme"], "fr") + "?page=2&q=travailleuses+%26+co%C3%B6p"
    html = client.get(url).content.decode()
    hrefs = switcher_hrefs(html)
    assert hrefs["es"].endswith("?page=2&amp;q=travailleuses+%26+co%C3%B6p")


@pytest.mark.django_db
def test_files_are_listed_with_language_and_size(client, site_tree):
    publication = site_tree["publication"]
    content = b"%PDF-1.4\n" + b"x" * 2048
    publication.files = [publication_file("Documento de trabajo", "wp.pdf", "es", content)]
    publication.save_revision().publish()

    html = client.get(url_in(publication, "en")).content.decode()
    assert 'hreflang="es"' in html
    assert '<span lang="es">Documento de trabajo</span>' in html
    assert "Spanish, PDF, 2.0\xa0KB" in html
    html = client.get(url_in(publication, "fr")).content.decode()
    assert "(espagnol, PDF, 2,0\xa0Kio)" in html


@pytest.mark.django_db
def test_programme_tags_link_to_programme_pages(client, site_tree):
    html = client.get(url_in(site_tree["impact"], "es")).content.decode()
    assert f'<a href="{url_in(site_tree["programme"], "es")}">Social Protection Español</a>' in html


@pytest.mark.django_db
def test_navigation_marks_the_current_page_and_its_section(client, site_tree):
    html = client.get(url_in(site_tree["library"], "en")).content.decode()
    assert f'<a href="{url_in(site_tree["library"], "en")}" aria-current="page">' in html
    html = client.get(url_in(site_tree["publication"], "en")).content.decode()
    assert f'<a href="{url_in(site_tree["library"], "en")}" aria-current="true">' in html


@pytest.mark.django_db
def test_home_page_queries_do_not_grow_with_its_cards(client, home):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from programmes.models import ProgrammePage

    index = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes")

    def add_programmes(count):
        start = ProgrammePage.objects.count()
        for number in range(start, start + count):
            image = make_image(f"Card {number}", size=(64, 36))
            factories.ProgrammePageFactory(parent=index, name=f"Programme {number}", listing_image=image)

    def count_queries():
        client.get(url_in(home, "es"))  # renditions are made on the first view
        cache.clear()  # as after a restart: renditions must come from the database, not one by one
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url_in(home, "es")).status_code == 200
        return len(queries)

    add_programmes(1)
    few = count_queries()
    add_programmes(4)
    assert count_queries() == few
