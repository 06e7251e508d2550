import datetime

import pytest

from places.models import PageRegion
from programmes.models import PageProgramme
from tests import factories
from tests.helpers import publication_file


@pytest.fixture
def library(home):
    """A small library: two series, two programmes, two regions, three years, files in several
    languages; one English-only publication has only a French file."""
    index_parent = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes")
    social = factories.ProgrammePageFactory(parent=index_parent, name="Social Protection")
    statistics = factories.ProgrammePageFactory(parent=index_parent, name="Statistics")
    briefs = factories.PublicationSeriesFactory(key="wiego-brief", name_en="WIEGO Brief", name_es="Nota de WIEGO")
    papers = factories.PublicationSeriesFactory(key="working-paper", name_en="Working Paper", name_es="Documento")
    africa = factories.RegionFactory(key="africa", name_en="Africa", name_es="África")
    asia = factories.RegionFactory(key="asia", name_en="Asia", name_es="Asia")
    library = factories.PublicationIndexPageFactory(parent=home, name="Library", items_per_page=2)

    specs = [
        # name, series, programmes, regions, date, file languages, missing page languages, es title
        ("Child care", briefs, [social], [africa], datetime.date(2017, 3, 1), ["en", "es", "fr", "pt"], (), "Cuidado"),
        ("Health insurance", papers, [social], [africa], datetime.date(2016, 5, 1), ["en"], (), "Seguro"),
        ("Counting workers", papers, [statistics], [asia], datetime.date(2017, 8, 1), ["en", "es"], (), "Contar"),
        ("Vendors in Lima", briefs, [statistics, social], [], datetime.date(2015, 1, 1), ["es"], (), "Ambulantes"),
        ("African cities", papers, [statistics], [africa], datetime.date(2015, 6, 1), ["fr"], ("es", "fr", "pt"), None),
    ]
    pages = {}
    for name, series, programmes, regions, date, files, missing, es_title in specs:
        extra = {"title_es": es_title} if es_title else {}
        page = factories.PublicationPageFactory(
            parent=library, name=name, series=series, display_date=date, missing=missing, **extra
        )
        page.programme_tags = [PageProgramme(programme=programme) for programme in programmes]
        page.region_tags = [PageRegion(region=region) for region in regions]
        page.files = [
            publication_file(f"{page.title_en} ({code})", f"{page.slug_en}-{code}.pdf", code) for code in files
        ]
        page.save_revision().publish()
        pages[name] = page
    return {"library": library, "social": social, "statistics": statistics, "pages": pages}
