"""Citing a publication: Google Scholar meta tags, the schema.org Report/ScholarlyArticle, the
"Cite this" block and the BibTeX and RIS downloads, through real requests."""

import datetime
import json

import lxml.html
import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from people.models import PersonPage
from publications.models import PublicationAuthor
from tests import factories
from tests.helpers import full_url, post_form, publication_file, url_in

PUBLISHED = datetime.date(2016, 6, 15)


def cite_url(page, language, fmt):
    return f"/{language}/publications/{page.pk}/cite.{fmt}"


@pytest.fixture
def paper(site_tree):
    """Working Paper No. 48 by two people and the organisation, with an English and a Spanish PDF
    and a Word version in French."""
    page = site_tree["publication"]
    page.series = factories.PublicationSeriesFactory(
        key="working-paper", name_en="WIEGO Working Paper", name_es="Documento de trabajo de WIEGO"
    )
    page.number = "48"
    page.display_date = PUBLISHED
    page.title_en = "Extending Health Insurance to Informal Workers"
    page.title_es = "Ampliar el seguro de salud a los trabajadores informales"
    page.authors = [
        PublicationAuthor(
            author=factories.AuthorFactory(key="ashiru", given_name="Kwabena", family_name="Ashiru-Holm")
        ),
        PublicationAuthor(
            author=factories.AuthorFactory(key="desmarais", given_name="Priyanka Anjali", family_name="Desmarais")
        ),
        PublicationAuthor(author=factories.AuthorFactory(key="wiego", family_name="WIEGO", is_organisation=True)),
    ]
    page.files = [
        publication_file("Health insurance (English)", "health-en.pdf", "en"),
        publication_file("Seguro de salud", "salud-es.pdf", "es"),
        publication_file("Assurance maladie", "assurance-fr.docx", "fr"),
    ]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def head(client, page, language):
    response = client.get(url_in(page, language))
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def meta(tree, name):
    return tree.xpath(f'//head/meta[@name="{name}"]/@content')


def json_ld(tree, schema_type):
    blocks = [json.loads(script.text) for script in tree.xpath('//script[@type="application/ld+json"]')]
    found = [data for data in blocks if data["@type"] == schema_type]
    assert len(found) == 1
    return found[0]


def file_url(page, language):
    item = next(item for item in page.files.all() if item.language == language)
    return f"http://testserver{item.document.url}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language,title,series,pdf",
    [
        ("en", "Extending Health Insurance to Informal Workers", "WIEGO Working Paper", "en"),
        ("es", "Ampliar el seguro de salud a los trabajadores informales", "Documento de trabajo de WIEGO", "es"),
        # No French PDF (the French file is a Word document): the first PDF.
        ("fr", "Working Paper Français", "Series working-paper fr", "en"),
    ],
)
def test_google_scholar_meta_tags(client, paper, language, title, series, pdf):
    tree = head(client, paper, language)

    assert meta(tree, "citation_title") == [title]
    assert meta(tree, "citation_author") == ["Kwabena Ashiru-Holm", "Priyanka Anjali Desmarais", "WIEGO"]
    assert meta(tree, "citation_publication_date") == ["2016/06/15"]
    assert meta(tree, "citation_language") == [language]
    assert meta(tree, "citation_pdf_url") == [file_url(paper, pdf)]
    assert meta(tree, "citation_series_title") == [series]
    assert meta(tree, "citation_technical_report_number") == ["48"]
    assert meta(tree, "citation_technical_report_institution") == ["WIEGO"]
    assert meta(tree, "citation_abstract_html_url") == [full_url(paper, language)]


@pytest.mark.django_db
def test_other_pages_have_no_citation_tags(client, site_tree):
    tree = head(client, site_tree["standard"], "en")
    assert not tree.xpath('//head/meta[starts-with(@name, "citation_")]')


@pytest.mark.django_db
def test_a_numbered_paper_is_a_schema_org_report(client, paper):
    data = json_ld(head(client, paper, "es"), "Report")

    assert data["headline"] == "Ampliar el seguro de salud a los trabajadores informales"
    assert data["author"][:2] == [
        {"@type": "Person", "name": "Kwabena Ashiru-Holm", "familyName": "Ashiru-Holm", "givenName": "Kwabena"},
        {
            "@type": "Person",
            "name": "Priyanka Anjali Desmarais",
            "familyName": "Desmarais",
            "givenName": "Priyanka Anjali",
        },
    ]
    assert data["author"][2]["@type"] == "Organization"
    assert data["author"][2]["name"] == "WIEGO"
    assert data["publisher"] == {"@type": "Organization", "@id": "http://testserver/#organization", "name": "WIEGO"}
    assert data["datePublished"] == "2016-06-15"
    assert data["inLanguage"] == "es"
    assert data["url"] == full_url(paper, "es")
    assert data["reportNumber"] == "48"
    assert data["isPartOf"] == {"@type": "CreativeWorkSeries", "name": "Documento de trabajo de WIEGO"}
    assert [(item["inLanguage"], item["encodingFormat"]) for item in data["encoding"]] == [
        ("en", "application/pdf"),
        ("es", "application/pdf"),
        ("fr", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ]
    assert data["encoding"][1]["contentUrl"] == file_url(paper, "es")


@pytest.mark.django_db
def test_an_unnumbered_publication_is_a_scholarly_article(client, paper):
    paper.number = ""
    paper.save_revision().publish()

    tree = head(client, paper, "en")

    data = json_ld(tree, "ScholarlyArticle")
    assert "reportNumber" not in data
    assert meta(tree, "citation_technical_report_number") == []
    assert meta(tree, "citation_series_title") == ["WIEGO Working Paper"]
    assert client.get(cite_url(paper, "en", "bib")).content.decode().startswith("@misc{")
    assert client.get(cite_url(paper, "en", "ris")).content.decode().startswith("TY  - GEN\r\n")


@pytest.mark.django_db
def test_cite_this_shows_the_generated_citation_ready_to_copy(client, paper):
    tree = head(client, paper, "es")

    (section,) = tree.xpath('//section[@aria-labelledby="citation-heading"]')
    text = section.xpath('.//*[@id="citation-text"]')[0]
    assert text.text_content() == (
        "Ashiru-Holm, K., Desmarais, P. A. y WIEGO. 2016. "
        "Ampliar el seguro de salud a los trabajadores informales. Documento de trabajo de WIEGO n.º 48. WIEGO. "
        f"{full_url(paper, 'es')}"
    )
    assert text.get("lang") is None
    # The copy button is an enhancement: hidden until the external script shows it.
    button = section.xpath(".//button")[0]
    assert button.get("hidden") is not None
    assert button.get("data-copy-target") == "citation-text"
    assert tree.xpath('//script[@src="/static/js/copy-citation.js"]')
    assert finders.find("js/copy-citation.js")
    downloads = section.xpath(".//a/@href")
    assert downloads == [cite_url(paper, "es", "bib"), cite_url(paper, "es", "ris")]


CITATIONS = {
    "en": "Ashiru-Holm, K., Desmarais, P. A. and WIEGO. 2016. Extending Health Insurance to Informal Workers. "
    "WIEGO Working Paper No. 48. WIEGO.",
    "es": "Ashiru-Holm, K., Desmarais, P. A. y WIEGO. 2016. Ampliar el seguro de salud a los trabajadores "
    "informales. Documento de trabajo de WIEGO n.º 48. WIEGO.",
    "fr": "Ashiru-Holm, K., Desmarais, P. A. et WIEGO. 2016. Working Paper Français. Series working-paper fr n° 48. "
    "WIEGO.",
    "pt": "Ashiru-Holm, K., Desmarais, P. A. e WIEGO. 2016. Working Paper Português. Series working-paper pt nº 48. "
    "WIEGO.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", CITATIONS)
def test_the_generated_citation_follows_one_author_date_style_in_every_language(client, paper, language):
    text = head(client, paper, language).xpath('//*[@id="citation-text"]')[0].text_content()
    assert text == f"{CITATIONS[language]} {full_url(paper, language)}"


@pytest.mark.django_db
def test_initials_of_compound_given_names_and_authors_without_given_names(client, paper):
    paper.authors = [
        PublicationAuthor(
            author=factories.AuthorFactory(key="dupont", given_name="Jean-Pierre", family_name="Dupont Moreau")
        ),
        PublicationAuthor(author=factories.AuthorFactory(key="mononym", given_name="", family_name="Suharti")),
        PublicationAuthor(
            author=factories.AuthorFactory(key="streetnet", family_name="StreetNet International", is_organisation=True)
        ),
    ]
    paper.save_revision().publish()

    text = head(client, paper, "en").xpath('//*[@id="citation-text"]')[0].text_content()
    bib = client.get(cite_url(paper, "en", "bib")).content.decode()
    ris = client.get(cite_url(paper, "en", "ris")).content.decode()

    assert text.startswith("Dupont Moreau, J.-P., Suharti and StreetNet International. 2016. ")
    assert "  author = {Dupont Moreau, Jean-Pierre and {Suharti} and {StreetNet International}},\n" in bib
    assert "AU  - Dupont Moreau, Jean-Pierre\r\nAU  - Suharti\r\nAU  - StreetNet International\r\n" in ris


@pytest.mark.django_db
def test_an_organisation_has_no_given_name(home):
    author = PersonPage(given_name="Women", family_name="WIEGO", is_organisation=True)
    with pytest.raises(ValidationError) as error:
        author.clean()
    assert "given_name" in error.value.message_dict
    person = factories.AuthorFactory(key="chen", given_name="  Martha  Alter ", family_name="Chen ")
    assert (person.name, person.given_name, person.family_name) == ("Martha Alter Chen", "Martha Alter", "Chen")


@pytest.mark.django_db
def test_the_editors_citation_wins(client, paper):
    paper.citation_en = "Ashiru-Holm, K. et al. 2016. Extending Health Insurance. Manchester, UK: WIEGO."
    paper.citation_es = ""
    paper.save_revision().publish()

    en = head(client, paper, "en").xpath('//*[@id="citation-text"]')[0]
    es = head(client, paper, "es").xpath('//*[@id="citation-text"]')[0]

    assert en.text_content() == paper.citation_en
    # No Spanish version: the English one, marked as English.
    assert es.text_content() == paper.citation_en
    assert es.get("lang") == "en"


@pytest.mark.django_db
def test_a_page_missing_the_language_is_cited_in_english(client, home):
    library = factories.PublicationIndexPageFactory(parent=home, name="Library")
    page = factories.PublicationPageFactory(parent=library, name="Lima", number="", missing=("fr",))

    tree = head(client, page, "fr")

    text = tree.xpath('//*[@id="citation-text"]')[0]
    assert text.get("lang") == "en"
    assert text.text_content().endswith(f"Lima English. Series {page.series.key} en. WIEGO. {full_url(page, 'en')}")
    assert meta(tree, "citation_language") == ["en"]
    bib = client.get(cite_url(page, "fr", "bib")).content.decode()
    assert "title = {{Lima English}}" in bib
    assert "langid = {english}" in bib


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_bibtex_download(client, paper, language):
    response = client.get(cite_url(paper, language, "bib"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.bib"')
    assert response["X-Robots-Tag"] == "noindex"
    bib = response.content.decode()
    title = {"en": "Extending Health Insurance to Informal Workers", "es": paper.title_es}[language]
    series = {"en": "WIEGO Working Paper", "es": "Documento de trabajo de WIEGO"}[language]
    assert bib.startswith(f"@techreport{{wiego2016-{paper.pk},\n")
    assert "  author = {Ashiru-Holm, Kwabena and Desmarais, Priyanka Anjali and {WIEGO}},\n" in bib
    assert f"  title = {{{{{title}}}}},\n" in bib
    assert "  year = {2016},\n" in bib
    assert "  date = {2016-06-15},\n" in bib
    assert "  institution = {WIEGO},\n" in bib
    assert f"  type = {{{series}}},\n" in bib
    assert "  number = {48},\n" in bib
    assert f"  url = {{{full_url(paper, language)}}},\n" in bib
    langid = {"en": "english", "es": "spanish"}[language]
    assert f"  langid = {{{langid}}}\n" in bib
    assert bib.endswith("}\n")
    assert bib.count("{") == bib.count("}")


@pytest.mark.django_db
def test_ris_download(client, paper):
    response = client.get(cite_url(paper, "es", "ris"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="ampliar-el-seguro-de-salud-a-los-trabajadores-informales.ris"'
    )
    body = response.content.decode()
    assert body.endswith("ER  - \r\n")
    lines = body.split("\r\n")[:-1]
    assert lines[0] == "TY  - RPRT"
    assert lines[-1] == "ER  - "
    tags = [(line[:2], line[6:]) for line in lines]
    assert all(line[2:6] == "  - " for line in lines)
    assert [value for tag, value in tags if tag == "AU"] == [
        "Ashiru-Holm, Kwabena",
        "Desmarais, Priyanka Anjali",
        "WIEGO",
    ]
    fields = dict(tags)
    assert fields["TI"] == paper.title_es
    assert fields["PY"] == "2016"
    assert fields["DA"] == "2016/06/15/"
    assert fields["T2"] == "Documento de trabajo de WIEGO"
    assert fields["SN"] == "48"
    assert fields["PB"] == "WIEGO"
    assert fields["LA"] == "es"
    assert fields["UR"] == full_url(paper, "es")
    assert fields["L1"] == file_url(paper, "es")


@pytest.mark.django_db
def test_special_characters_are_escaped(client, paper):
    paper.title_en = "Wages: 50% & more_{of} #1 ~ $\\ ^\nnew line"
    paper.save_revision().publish()

    bib = client.get(cite_url(paper, "en", "bib")).content.decode()
    assert r"title = {{Wages: 50\% \& more\_\{of\} \#1 \~{} \$\textbackslash{} \^{} new line}}" in bib
    ris = client.get(cite_url(paper, "en", "ris")).content.decode()
    assert "TI  - Wages: 50% & more_{of} #1 ~ $\\ ^ new line\r\n" in ris


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["pdf", "BIB", "bib.txt", "json", ""])
def test_unknown_formats_are_not_found(client, paper, fmt):
    assert client.get(cite_url(paper, "en", fmt)).status_code == 404


@pytest.mark.django_db
def test_only_live_public_publications_can_be_cited(client, site_tree, paper):
    library = site_tree["library"]
    draft = factories.PublicationPageFactory(parent=library, name="Draft", live=False)
    withdrawn = factories.PublicationPageFactory(parent=library, name="Withdrawn")
    withdrawn.unpublish()
    private = factories.PublicationPageFactory(parent=library, name="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")

    assert client.get(cite_url(paper, "en", "bib")).status_code == 200
    for page in (draft, withdrawn, private, site_tree["standard"], library):
        for fmt in ("bib", "ris"):
            assert client.get(cite_url(page, "en", fmt)).status_code == 404, (page.title, fmt)
    assert client.get("/en/publications/999999/cite.bib").status_code == 404
    assert client.post(cite_url(paper, "en", "bib")).status_code == 405


@pytest.mark.django_db
def test_editors_enter_an_author_in_two_parts_in_the_admin(admin_client, home):
    index = factories.people_index()
    add = f"/admin/pages/add/people/personpage/{index.pk}/"
    person = {"given_name": "Martha Alter", "family_name": "Chen", "slug_en": "chen", "team": "authors"}
    organisation = {
        "is_organisation": "on",
        "given_name": "Women in",
        "family_name": "WIEGO",
        "slug_en": "wiego",
        "team": "authors",
    }

    assert post_form(admin_client, add, person).status_code == 302
    refused = post_form(admin_client, add, organisation)
    assert refused.status_code == 200
    assert "An organisation has one name: leave the given names empty." in refused.content.decode()
    assert post_form(admin_client, add, {**organisation, "given_name": ""}).status_code == 302

    rows = sorted(PersonPage.objects.values_list("slug_en", "name", "is_organisation"))
    assert rows == [("chen", "Martha Alter Chen", False), ("wiego", "WIEGO", True)]
