"""Builds the demo site from the committed data in `demo/demo_data/`.

Idempotent: pages are found by their English slug under their parent, images by title, snippets
by key; whatever exists already is left as it is (an editor's changes are never overwritten), so
running it twice changes nothing. Images and PDF files are generated here, small, never
downloaded.
"""

import io
import textwrap

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents.models import Document
from wagtail.models import Page, Site

from core import tagging
from core.models import SiteImage, SiteSettings
from core.page_languages import in_source_language
from core.search_index import rebuild_index
from demo import events as demo_events
from demo.data import PAGE_TYPES, PLAIN_FIELDS, STREAM_FIELDS, TEXT_FIELDS, DemoDataError, load_data
from demo.media import make_image_file, make_pdf
from events.models import EventPage
from home.models import HomePage
from languages import LANGUAGE_CODES
from news.models import PostAuthor
from people.models import PeopleIndexPage, PersonPage
from places.models import PageRegion, Region
from programmes.models import (
    PageProgramme,
)
from publications.models import (
    PublicationAuthor,
    PublicationFile,
    PublicationPage,
    PublicationSeries,
)
from worker_groups.models import FeaturedResource


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
            self.build_authors(data["authors"])
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
                    credit=spec.get("credit", "Placeholder image generated for the sample content"),
                    file=ImageFile(io.BytesIO(content), name=f"{spec['key']}.jpg"),
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
        self.log(f"Snippets: {len(self.regions)} regions, {len(self.series)} series")

    def build_authors(self, specs):
        """Authors are people: each gets a page under the people index (found by its English
        slug, the author's key), and the people of people.json can be authors too."""
        index = PeopleIndexPage.objects.first()
        for key, page in self.pages.items():
            if isinstance(page, PersonPage):
                self.authors[key] = page
        for spec in specs:
            person = PersonPage.objects.filter(slug_en=spec["key"]).first()
            if person is None:
                if "organisation" in spec:
                    names = {"is_organisation": True, "family_name": spec["organisation"]}
                else:
                    names = {"given_name": spec["given_name"], "family_name": spec["family_name"]}
                person = PersonPage(slug=spec["key"], slug_en=spec["key"], team="authors", **names)
                index.add_child(instance=person)
                person.save_revision().publish()
            self.authors[spec["key"]] = person
        self.log(f"Authors: {len(self.authors)} people")

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
        if isinstance(page, EventPage):
            demo_events.schedule(page, spec)
        if "term_key" in spec:
            page.key = spec["term_key"]  # a term's stable, language-neutral key (a worker group's)
        if "country_code" in spec:
            page.country = spec["country_code"]  # ISO 3166 (core.countries names it)
        if "region_key" in spec:
            page.region = self.regions[spec["region_key"]]
        parent.add_child(instance=page)
        self.created.append((page, spec))
        self.log(f"  created {spec['type']} {spec['key']}")
        return page

    def fill_page(self, page, spec):
        """Second pass: what refers to other pages, images and snippets; then publish."""
        image_fields = {
            "image": "listing_image",
            "hero_image": "hero_image",
            "cover_image": "cover_image",
            "photo": "photo",
        }
        for key, field in image_fields.items():
            if spec.get(key) and hasattr(page, f"{field}_id"):
                setattr(page, field, self.images[spec[key]])
        if spec.get("image") and hasattr(page, "lead_image_id"):
            page.lead_image = self.images[spec["image"]]
        if spec.get("cover_image") and not spec.get("image"):
            page.listing_image = self.images[spec["cover_image"]]
        for stream in ("body", "form_fields"):
            for code, blocks in spec.get(stream, {}).items():
                setattr(page, f"{stream}_{code}", [self.resolve_block(block) for block in blocks])
        for field in STREAM_FIELDS:
            for code, blocks in spec.get(field, {}).items():
                setattr(page, f"{field}_{code}", [self.resolve_block(block) for block in blocks])
        page.programme_tags = [
            PageProgramme(programme=self.pages[key], sort_order=index)
            for index, key in enumerate(spec.get("programmes", []))
        ]
        page.region_tags = [
            PageRegion(region=self.regions[key], sort_order=index) for index, key in enumerate(spec.get("regions", []))
        ]
        self.tag_with_term_pages(page, spec)
        if spec.get("featured"):
            featured = enumerate(spec["featured"])
            page.featured_resources = [
                FeaturedResource(resource=self.pages[key], sort_order=index) for index, key in featured
            ]
        if isinstance(page, PublicationPage):
            self.fill_publication(page, spec)
        if spec.get("authors") and hasattr(page, "post_authors"):
            page.post_authors = [
                PostAuthor(person=self.authors[key], sort_order=index) for index, key in enumerate(spec["authors"])
            ]
        if isinstance(page, EventPage):
            demo_events.fill_event(page, spec, self.resolve_block)
        page.save_revision().publish()
        if spec.get("english_revision"):
            # An English edit made after the translations: they show as out of date.
            for field, text in spec["english_revision"].items():
                setattr(page, f"{field}_en", text)
            page.save_revision().publish()

    def tag_with_term_pages(self, page, spec):
        """Tags whose terms are pages of the demo (worker groups, ...), under the taxonomy's key
        (programmes and regions are set above)."""
        for taxonomy in tagging.taxonomies():
            if taxonomy.key in ("programmes", "regions") or taxonomy.key not in spec:
                continue
            tag_model = page._meta.get_field(taxonomy.relation).related_model
            setattr(
                page,
                taxonomy.relation,
                [
                    tag_model(**{taxonomy.target: self.pages[key]}, sort_order=index)
                    for index, key in enumerate(spec[taxonomy.key])
                ],
            )

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
        resolved = {"type": kind, "value": value}
        if "id" in block:
            resolved["id"] = block["id"]  # the same block in every language (translations line up)
        return resolved

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
        if spec.get("footer_links") and not site_settings.footer_links:
            site_settings.footer_links = [("page", self.pages[key]) for key in spec["footer_links"]]
            site_settings.save()
        if spec.get("default_share_image") and not site_settings.default_share_image_id:
            site_settings.default_share_image = self.images[spec["default_share_image"]]
            site_settings.save()
