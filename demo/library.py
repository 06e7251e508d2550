"""The large-library generator: thousands of publications for long listings and benchmarks."""

import datetime
import random

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.documents.models import Document
from wagtail.search import signal_handlers as wagtail_search_signals
from wagtail.search.backends import get_search_backend
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.page_languages import in_source_language
from core.search_index import rebuild_index
from demo.data import DemoDataError
from demo.media import make_pdf
from languages import LANGUAGE_CODES
from places.models import PageRegion, Region
from programmes.models import (
    PageProgramme,
    ProgrammePage,
)
from publications.models import (
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
    PublicationSeries,
)

GENERATED_PREFIX = "generated-publication-"
GENERATED_TOPICS = [
    {
        "en": "street vendors and public space",
        "es": "vendedores ambulantes y espacio público",
        "fr": "vendeurs de rue et espace public",
        "pt": "vendedores ambulantes e espaço público",
    },
    {
        "en": "waste pickers and recycling",
        "es": "recicladores y reciclaje",
        "fr": "récupérateurs et recyclage",
        "pt": "catadores e reciclagem",
    },
    {
        "en": "domestic workers and contracts",
        "es": "trabajadoras del hogar y contratos",
        "fr": "travailleuses domestiques et contrats",
        "pt": "trabalhadoras domésticas e contratos",
    },
    {
        "en": "home-based workers and piece rates",
        "es": "trabajadoras a domicilio y pago a destajo",
        "fr": "travailleuses à domicile et travail à la pièce",
        "pt": "trabalhadoras em domicílio e pagamento por peça",
    },
    {
        "en": "health insurance for informal workers",
        "es": "seguro de salud para trabajadores informales",
        "fr": "assurance maladie des travailleurs informels",
        "pt": "seguro de saúde para trabalhadores informais",
    },
]
GENERATED_TITLE = {
    "en": "Research note {n}: {topic}",
    "es": "Nota de investigación {n}: {topic}",
    "fr": "Note de recherche {n} : {topic}",
    "pt": "Nota de pesquisa {n}: {topic}",
}
GENERATED_SUMMARY = {
    "en": "A short generated note on {topic}, made for testing long listings of the library.",
    "es": "Una breve nota generada sobre {topic}, creada para probar listados largos de la biblioteca.",
    "fr": "Une courte note générée sur {topic}, créée pour tester les longues listes de la bibliothèque.",
    "pt": "Uma breve nota gerada sobre {topic}, criada para testar listagens longas da biblioteca.",
}
GENERATED_SLUG = {"en": "research-note", "es": "nota-investigacion", "fr": "note-recherche", "pt": "nota-pesquisa"}


def generate_publications(count, stdout=None, batch_size=200):
    """Make sure the library holds `count` generated publications (idempotent).

    They are created live without revisions, tagged with programmes and regions, and each has a
    file in one or two languages (sharing one small PDF per language), so filters and counts have
    something to work on. Used for long listings and by the benchmarks (`make bench`).
    """
    library = PublicationIndexPage.objects.first()
    if library is None:
        raise DemoDataError("Load the demo content first: there is no library page.")
    existing = PublicationPage.objects.child_of(library).filter(slug_en__startswith=GENERATED_PREFIX).count()
    if existing >= count:
        return 0
    generator = PublicationGenerator(library, stdout)
    # Per-save indexing (Wagtail's admin search, the reference index) would dominate the time of
    # a bulk load; the admin search index is filled per batch instead.
    post_save.disconnect(wagtail_search_signals.post_save_signal_handler, sender=PublicationPage)
    try:
        with in_source_language(), disable_reference_index_auto_update():
            for start in range(existing, count, batch_size):
                generator.add_batch(range(start, min(start + batch_size, count)))
                generator.log(f"  generated publications: {min(start + batch_size, count)}/{count}")
    finally:
        post_save.connect(wagtail_search_signals.post_save_signal_handler, sender=PublicationPage)
    rebuild_index(log=generator.log)
    return count - existing


class PublicationGenerator:
    def __init__(self, library, stdout=None):
        self.library = library
        self.stdout = stdout
        self.rng = random.Random(20240601)
        self.series = list(PublicationSeries.objects.all())
        self.programmes = list(ProgrammePage.objects.all())
        self.regions = list(Region.objects.all())
        self.documents = {code: self.sample_document(code) for code in LANGUAGE_CODES}
        self.admin_search = get_search_backend()

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def sample_document(self, code):
        title = f"Generated research note ({code})"
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title)
            pdf = make_pdf(title, [GENERATED_SUMMARY[code].format(topic="...")], pages=1)
            document.file.save(f"generated-{code}.pdf", ContentFile(pdf), save=False)
            document.save()
        return document

    def new_page(self, n):
        topic = GENERATED_TOPICS[n % len(GENERATED_TOPICS)]
        page = PublicationPage(
            live=True,
            series=self.series[n % len(self.series)] if self.series else None,
            number=str(n + 1),
            display_date=datetime.date(2000 + n % 25, 1 + n % 12, 1 + n % 28),
        )
        for code in LANGUAGE_CODES:
            setattr(page, f"title_{code}", GENERATED_TITLE[code].format(n=n + 1, topic=topic[code]))
            setattr(page, f"slug_{code}", f"{GENERATED_SLUG[code]}-{n + 1}")
            setattr(page, f"summary_{code}", GENERATED_SUMMARY[code].format(topic=topic[code]))
            setattr(page, f"teaser_{code}", GENERATED_SUMMARY[code].format(topic=topic[code]))
        page.slug_en = f"{GENERATED_PREFIX}{n + 1}"
        return page

    @transaction.atomic
    def add_batch(self, numbers):
        created = [self.library.add_child(instance=self.new_page(n)) for n in numbers]
        if self.programmes:
            PageProgramme.objects.bulk_create(
                PageProgramme(page=page, programme=self.rng.choice(self.programmes)) for page in created
            )
        if self.regions:
            PageRegion.objects.bulk_create(
                PageRegion(page=page, region=self.rng.choice(self.regions)) for page in created
            )
        PublicationFile.objects.bulk_create(
            PublicationFile(page=page, document=self.documents[code], language=code, sort_order=index)
            for page in created
            for index, code in enumerate(sorted(self.rng.sample(LANGUAGE_CODES, self.rng.choice([1, 2]))))
        )
        self.admin_search.add_bulk(PublicationPage, created)
