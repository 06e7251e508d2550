"""Builds the demo site from the committed data in `wiegosite/demo_data/`.

Idempotent: pages are found by their English slug under their parent, images by title, snippets
by key; whatever exists already is left as it is (an editor's changes are never overwritten), so
running it twice changes nothing. Images and PDF files are generated here, small, never
downloaded.
"""

import datetime
import io
import json
import random
import textwrap
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.signals import post_save
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents.models import Document
from wagtail.models import Page, Site
from wagtail.search import signal_handlers as wagtail_search_signals
from wagtail.search.backends import get_search_backend
from wagtail.signal_handlers import disable_reference_index_auto_update

from programmes.models import (
    ImpactIndexPage,
    ImpactStoryPage,
    InitiativeIndexPage,
    InitiativePage,
    PageProgramme,
    ProgrammeIndexPage,
    ProgrammePage,
)
from publications.models import (
    Author,
    PublicationAuthor,
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
    PublicationSeries,
)

from .languages import LANGUAGE_CODES, in_source_language
from .models import HomePage, PageRegion, Region, SiteImage, SiteSettings, StandardPage
from .search import rebuild_index

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
DATA_FILES = ["site.json", "programmes.json", "initiatives.json", "impact.json", "publications.json"]

PAGE_TYPES = {
    model.__name__: model
    for model in (
        HomePage,
        StandardPage,
        ProgrammeIndexPage,
        ProgrammePage,
        InitiativeIndexPage,
        InitiativePage,
        ImpactIndexPage,
        ImpactStoryPage,
        PublicationIndexPage,
        PublicationPage,
    )
}

# Translated page fields that are plain text, set in the first pass.
TEXT_FIELDS = [
    "title",
    "slug",
    "seo_title",
    "search_description",
    "teaser",
    "intro",
    "hero_statement",
    "partners",
    "outcome_headline",
    "place",
    "country",
    "worker_group",
    "summary",
    "citation",
]
PLAIN_FIELDS = ["kind", "start_year", "end_year", "year", "people_reached", "number", "items_per_page", "show_in_menus"]


class DemoDataError(Exception):
    pass


def load_data():
    merged = {"images": [], "regions": [], "series": [], "authors": [], "settings": {}, "pages": []}
    for name in DATA_FILES:
        path = DATA_DIR / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise DemoDataError(f"Missing demo data file {path}") from error
        except json.JSONDecodeError as error:
            raise DemoDataError(f"{path} is not valid JSON: {error}") from error
        for key in ("images", "regions", "series", "authors", "pages"):
            merged[key].extend(data.get(key, []))
        merged["settings"].update(data.get("settings", {}))
    home = [tree for tree in merged["pages"] if tree["type"] == "HomePage"]
    if len(home) != 1:
        raise DemoDataError("The demo data must contain exactly one HomePage.")
    # The index pages of the other files hang under the home page.
    home[0].setdefault("children", []).extend(tree for tree in merged["pages"] if tree["type"] != "HomePage")
    merged["home"] = home[0]
    return merged


def make_image_file(colour, seed, size=(1200, 800)):
    """A small abstract picture: a two-tone field with a few soft shapes (about 20-40 kB)."""
    rng = random.Random(seed)
    base = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(base)
    r, g, b = base.getpixel((0, 0))
    for _ in range(7):
        shade = tuple(min(255, max(0, c + rng.randint(-60, 60))) for c in (r, g, b))
        x, y = rng.randint(-200, size[0]), rng.randint(-200, size[1])
        radius = rng.randint(120, 420)
        draw.ellipse((x, y, x + radius, y + radius), fill=shade)
    draw.rectangle((0, size[1] * 3 // 4, size[0], size[1]), fill=tuple(max(0, c - 40) for c in (r, g, b)))
    out = io.BytesIO()
    base.save(out, "JPEG", quality=60, optimize=True, progressive=True)
    return out.getvalue()


def _pdf_text(text):
    encoded = text.encode("cp1252", errors="replace").decode("latin-1")
    return encoded.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(title, lines, pages=1):
    """A minimal, valid PDF (text only, Helvetica, WinAnsi) of a few pages."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * pages  # reserved below, after the page objects
    page_ids = []
    for number in range(1, pages + 1):
        content_lines = [f"BT /F1 20 Tf 72 760 Td ({_pdf_text(title)}) Tj ET"]
        y = 720
        for line in lines:
            content_lines.append(f"BT /F1 11 Tf 72 {y} Td ({_pdf_text(line)}) Tj ET")
            y -= 16
        content_lines.append(f"BT /F1 9 Tf 72 40 Td ({number} / {pages}) Tj ET")
        stream = "\n".join(content_lines).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)
            )
        )
    kids = " ".join(f"{pid} 0 R" for pid in page_ids).encode()
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


def _set_translated(obj, field, values):
    """Set `<field>_<lang>` for every language present in `values`."""
    if isinstance(values, str):
        values = {"en": values}
    for code in LANGUAGE_CODES:
        if code in values:
            setattr(obj, f"{field}_{code}", values[code])


class DemoBuilder:
    def __init__(self, stdout=None, site_port=8000, site_hostname="127.0.0.1"):
        self.stdout = stdout
        self.site_port = site_port
        self.site_hostname = site_hostname
        self.images = {}
        self.regions = {}
        self.series = {}
        self.authors = {}
        self.pages = {}
        self.created = []

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    @transaction.atomic
    def build(self):
        with in_source_language():
            data = load_data()
            self.build_images(data["images"])
            self.build_snippets(data)
            home = self.build_home(data["home"])
            self.build_children(home, data["home"].get("children", []))
            for page, spec in self.created:
                self.fill_page(page, spec)
            self.build_settings(home, data["settings"])
            rebuild_index(log=self.log)  # publishing indexed new pages; this covers older databases too
        self.log(f"Demo content ready: {len(self.pages)} pages ({len(self.created)} new).")
        return home

    # -- images and snippets --------------------------------------------------------------
    def build_images(self, specs):
        self.log(f"Images: {len(specs)}")
        for number, spec in enumerate(specs, start=1):
            image = SiteImage.objects.filter(title=spec["title"]).first()
            if image is None:
                content = make_image_file(spec.get("colour", "#2f6f5e"), spec["key"])
                image = SiteImage(
                    title=spec["title"],
                    credit=spec.get("credit", "Demo image, WIEGO demo content"),
                    file=ImageFile(io.BytesIO(content), name=f"demo-{spec['key']}.jpg"),
                )
                _set_translated(image, "description", spec.get("alt", {}))
                _set_translated(image, "caption", spec.get("caption", {}))
                image.save()
                self.log(f"  [{number}/{len(specs)}] created image {spec['key']}")
            self.images[spec["key"]] = image

    def build_snippets(self, data):
        for spec in data["regions"]:
            region, created = Region.objects.get_or_create(key=spec["key"], defaults={"name_en": spec["name"]["en"]})
            if created:
                _set_translated(region, "name", spec["name"])
                region.save()
            self.regions[spec["key"]] = region
        for spec in data["series"]:
            series, created = PublicationSeries.objects.get_or_create(
                key=spec["key"], defaults={"name_en": spec["name"]["en"]}
            )
            if created:
                _set_translated(series, "name", spec["name"])
                _set_translated(series, "description", spec.get("description", {}))
                series.save()
            self.series[spec["key"]] = series
        for spec in data["authors"]:
            self.authors[spec["key"]], _ = Author.objects.get_or_create(
                key=spec["key"], defaults={"name": spec["name"]}
            )
        self.log(f"Snippets: {len(self.regions)} regions, {len(self.series)} series, {len(self.authors)} authors")

    # -- pages ----------------------------------------------------------------------------
    def build_home(self, spec):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        root = Page.get_first_root_node()
        home = HomePage.objects.first()
        if home is None:
            if (
                site is not None
                and type(site.root_page.specific) is Page
                and not site.root_page.get_children().exists()
            ):
                # Wagtail's placeholder "Welcome" page: replaced by the real home page.
                placeholder = site.root_page
                site.root_page = root
                site.save()
                placeholder.delete()
            home = self.new_page(root, spec)
        self.pages[spec["key"]] = home
        if site is None:
            site = Site(is_default_site=True)
        site.hostname, site.port, site.root_page, site.site_name = self.site_hostname, self.site_port, home, "WIEGO"
        site.save()
        return home

    def build_children(self, parent, specs):
        for spec in specs:
            existing = parent.get_children().filter(slug_en=spec["slug"]["en"]).first()
            page = existing.specific if existing else self.new_page(parent, spec)
            self.pages[spec["key"]] = page
            self.build_children(page, spec.get("children", []))

    def new_page(self, parent, spec):
        model = PAGE_TYPES.get(spec["type"])
        if model is None:
            raise DemoDataError(f"Unknown page type {spec['type']!r} for {spec.get('key')}")
        page = model(live=False)
        for field in TEXT_FIELDS:
            if field in spec and hasattr(page, f"{field}_en"):
                _set_translated(page, field, spec[field])
        for field in PLAIN_FIELDS:
            if field in spec:
                setattr(page, field, spec[field])
        if "display_date" in spec:
            page.display_date = spec["display_date"]
        parent.add_child(instance=page)
        self.created.append((page, spec))
        self.log(f"  created {spec['type']} {spec['key']}")
        return page

    def fill_page(self, page, spec):
        """Second pass: what refers to other pages, images and snippets; then publish."""
        image_fields = {"image": "listing_image", "hero_image": "hero_image", "cover_image": "cover_image"}
        for key, field in image_fields.items():
            if spec.get(key) and hasattr(page, f"{field}_id"):
                setattr(page, field, self.images[spec[key]])
        if spec.get("image") and hasattr(page, "lead_image_id"):
            page.lead_image = self.images[spec["image"]]
        if spec.get("cover_image") and not spec.get("image"):
            page.listing_image = self.images[spec["cover_image"]]
        if "body" in spec:
            for code, blocks in spec["body"].items():
                setattr(page, f"body_{code}", [self.resolve_block(block) for block in blocks])
        page.programme_tags = [
            PageProgramme(programme=self.pages[key], sort_order=index)
            for index, key in enumerate(spec.get("programmes", []))
        ]
        page.region_tags = [
            PageRegion(region=self.regions[key], sort_order=index) for index, key in enumerate(spec.get("regions", []))
        ]
        if isinstance(page, PublicationPage):
            self.fill_publication(page, spec)
        page.save_revision().publish()
        if spec.get("english_revision"):
            # An English edit made after the translations: they show as out of date.
            for field, text in spec["english_revision"].items():
                setattr(page, f"{field}_en", text)
            page.save_revision().publish()

    def fill_publication(self, page, spec):
        if spec.get("series"):
            page.series = self.series[spec["series"]]
        page.authors = [
            PublicationAuthor(author=self.authors[key], sort_order=index)
            for index, key in enumerate(spec.get("authors", []))
        ]
        files = []
        for file_spec in spec.get("files", []):
            language = file_spec["language"]
            summary = spec.get("summary", {})
            text = summary.get(language) or summary.get("en", "")
            wrapped = textwrap.wrap(text, 90)
            document = Document(title=file_spec["title"])
            pdf = make_pdf(file_spec["title"], wrapped, pages=file_spec.get("pages", 1))
            document.file.save(f"{spec['key']}-{language}.pdf", ContentFile(pdf), save=False)
            document.save()
            files.append(PublicationFile(document=document, language=language, sort_order=len(files)))
        page.files = files

    def resolve_block(self, block):
        kind, value = block["type"], block["value"]
        if kind == "image":
            value = {**value, "image": self.images[value["image"]].pk}
        elif kind == "call_to_action":
            page_key = value.get("page")
            value = {**value, "page": self.pages[page_key].pk if page_key else None}
        elif kind == "related_pages":
            value = {**value, "pages": [self.pages[key].pk for key in value["pages"]]}
        return {"type": kind, "value": value}

    def build_settings(self, home, spec):
        site = Site.objects.get(root_page=home)
        site_settings = SiteSettings.for_site(site)
        if not site_settings.footer_text_en:
            _set_translated(site_settings, "footer_text", spec.get("footer_text", {}))
            site_settings.newsletter_url = spec.get("newsletter_url", "")
            social = spec.get("social", {})
            site_settings.facebook_url = social.get("facebook", "")
            site_settings.x_url = social.get("x", "")
            site_settings.linkedin_url = social.get("linkedin", "")
            site_settings.youtube_url = social.get("youtube", "")
            site_settings.save()


def admin_password_file():
    return Path(settings.BASE_DIR) / "var" / "admin_password"


# -- generated publications, for listings that paginate deeply and for benchmarks --------------
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
    from .search import rebuild_index

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
