"""Factories for every page type and snippet. Each language's fields are set explicitly: a page
is fully written in English, Spanish, French and Portuguese unless `missing=("fr",)` says which
languages to leave empty."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from contact.models import ContactPage
from home.models import HomePage
from languages import LANGUAGE_CODES
from news.models import BlogIndexPage, BlogPostPage, NewsArticlePage, NewsIndexPage
from people.models import PeopleIndexPage, PersonPage
from places.models import CityIndexPage, CityPage, PageCity, Region
from programmes.models import (
    ImpactIndexPage,
    ImpactStoryPage,
    InitiativeIndexPage,
    InitiativePage,
    PageProgramme,
    ProgrammeIndexPage,
    ProgrammePage,
)
from publications.models import PublicationIndexPage, PublicationPage, PublicationSeries
from standard_pages.models import StandardPage
from worker_groups.models import PageWorkerGroup, WorkerGroupIndexPage, WorkerGroupPage

LANGUAGE_WORDS = {"en": "English", "es": "Español", "fr": "Français", "pt": "Português"}


def per_language(make):
    """One declaration per language (en, es, fr, pt), `make(obj, lang)` giving the value."""
    assert list(LANGUAGE_CODES) == ["en", "es", "fr", "pt"]
    return tuple(factory.LazyAttribute(lambda obj, code=code: make(obj, code)) for code in LANGUAGE_CODES)


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


class TranslatedPageFactory(DjangoModelFactory):
    """Base for page factories: title, slug, teaser and main text in four languages."""

    class Meta:
        abstract = True

    class Params:
        name = factory.Sequence(lambda n: f"Page {n}")

    # Not model fields: taken out in _create.
    parent = None
    missing = ()

    live = True
    display_date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    title_en, title_es, title_fr, title_pt = per_language(lambda o, code: f"{o.name} {LANGUAGE_WORDS[code]}")
    slug_en, slug_es, slug_fr, slug_pt = per_language(lambda o, code: slugify(f"{o.name} {code}"))
    teaser_en, teaser_es, teaser_fr, teaser_pt = per_language(
        lambda o, code: f"Teaser of {o.name} in {LANGUAGE_WORDS[code]}"
    )

    @classmethod
    def _create(cls, model_class, *args, parent=None, missing=(), **kwargs):
        page = model_class(*args, **kwargs)
        for code in missing:
            for field in page._meta.get_fields():
                if field.name.endswith(f"_{code}") and field.concrete:
                    setattr(page, field.attname, field.get_default() if not field.null else None)
        if parent is None:
            parent = Page.get_first_root_node()
        parent.add_child(instance=page)
        return page


class HomePageFactory(TranslatedPageFactory):
    class Meta:
        model = HomePage

    hero_statement_en, hero_statement_es, hero_statement_fr, hero_statement_pt = per_language(
        lambda o, code: f"Hero statement in {LANGUAGE_WORDS[code]}"
    )
    intro_en, intro_es, intro_fr, intro_pt = per_language(lambda o, code: f"Welcome in {LANGUAGE_WORDS[code]}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The test database starts with Wagtail's placeholder "Welcome" page as the site root.
        Page.objects.filter(depth=2).delete()
        home = super()._create(model_class, *args, **kwargs)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "testserver", "port": 80, "root_page": home, "site_name": "WIEGO"},
        )
        return home


class ContentPageFactory(TranslatedPageFactory):
    class Meta:
        abstract = True

    intro_en, intro_es, intro_fr, intro_pt = per_language(
        lambda o, code: f"Introduction of {o.name} in {LANGUAGE_WORDS[code]}"
    )
    body_en, body_es, body_fr, body_pt = per_language(
        lambda o, code: paragraph(f"Body of {o.name} in {LANGUAGE_WORDS[code]}")
    )


class StandardPageFactory(ContentPageFactory):
    class Meta:
        model = StandardPage


class ProgrammeIndexPageFactory(ContentPageFactory):
    class Meta:
        model = ProgrammeIndexPage


class ProgrammePageFactory(ContentPageFactory):
    class Meta:
        model = ProgrammePage

    items_per_page = 3


class InitiativeIndexPageFactory(ContentPageFactory):
    class Meta:
        model = InitiativeIndexPage

    items_per_page = 3


class InitiativePageFactory(ContentPageFactory):
    class Meta:
        model = InitiativePage

    initiative_type = InitiativePage.SPECIAL_INITIATIVE
    start_year = 2004
    end_year = 2011
    partners_en, partners_es, partners_fr, partners_pt = per_language(
        lambda o, code: f"Partner A {code}\nPartner B {code}"
    )


class ImpactIndexPageFactory(ContentPageFactory):
    class Meta:
        model = ImpactIndexPage

    items_per_page = 3


class ImpactStoryPageFactory(ContentPageFactory):
    class Meta:
        model = ImpactStoryPage

    year = 2012
    people_reached = 1000
    outcome_headline_en, outcome_headline_es, outcome_headline_fr, outcome_headline_pt = per_language(
        lambda o, code: f"Outcome of {o.name} in {LANGUAGE_WORDS[code]}"
    )
    place_en, place_es, place_fr, place_pt = per_language(lambda o, code: f"Accra {code}")
    country_en, country_es, country_fr, country_pt = per_language(lambda o, code: f"Ghana {code}")
    worker_group_en, worker_group_es, worker_group_fr, worker_group_pt = per_language(
        lambda o, code: f"Head porters {code}"
    )


class PublicationIndexPageFactory(TranslatedPageFactory):
    class Meta:
        model = PublicationIndexPage

    items_per_page = 3
    intro_en, intro_es, intro_fr, intro_pt = per_language(
        lambda o, code: f"Library introduction in {LANGUAGE_WORDS[code]}"
    )


class PublicationSeriesFactory(DjangoModelFactory):
    class Meta:
        model = PublicationSeries
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"series-{n}")
    name_en, name_es, name_fr, name_pt = per_language(lambda o, code: f"Series {o.key} {code}")


class PublicationPageFactory(TranslatedPageFactory):
    class Meta:
        model = PublicationPage

    number = "48"
    series = factory.SubFactory(PublicationSeriesFactory)
    summary_en, summary_es, summary_fr, summary_pt = per_language(
        lambda o, code: f"Summary of {o.name} in {LANGUAGE_WORDS[code]}"
    )
    body_en, body_es, body_fr, body_pt = per_language(
        lambda o, code: paragraph(f"Body of {o.name} in {LANGUAGE_WORDS[code]}")
    )


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"region-{n}")
    name_en, name_es, name_fr, name_pt = per_language(lambda o, code: f"Region {o.key} {code}")


# -- contact ---------------------------------------------------------------------------------
CONTACT_FIELDS = [
    # (stored name, type, required, {language: label}, {language: options})
    ("name", "singleline", True, {"en": "Your name", "es": "Su nombre", "fr": "Votre nom", "pt": "Seu nome"}, {}),
    ("email", "email", True, {"en": "E-mail", "es": "Correo", "fr": "Courriel", "pt": "E-mail"}, {}),
    (
        "topic",
        "dropdown",
        False,
        {"en": "Topic", "es": "Tema", "fr": "Sujet", "pt": "Assunto"},
        {"en": "Media\nData", "es": "Medios\nDatos", "fr": "Médias\nDonnées", "pt": "Imprensa\nDados"},
    ),
    ("message", "multiline", True, {"en": "Message", "es": "Mensaje", "fr": "Message", "pt": "Mensagem"}, {}),
]


def contact_fields(language):
    return [
        {
            "type": "field",
            "id": f"00000000-0000-4000-8000-00000000000{index}",
            "value": {
                "name": name,
                "field_type": kind,
                "label": labels[language],
                "help_text": "",
                "required": required,
                "choices": options.get(language, ""),
            },
        }
        for index, (name, kind, required, labels, options) in enumerate(CONTACT_FIELDS)
    ]


class ContactPageFactory(TranslatedPageFactory):
    class Meta:
        model = ContactPage

    intro_en, intro_es, intro_fr, intro_pt = per_language(lambda o, code: f"Write to us in {LANGUAGE_WORDS[code]}")
    form_fields_en, form_fields_es, form_fields_fr, form_fields_pt = per_language(lambda o, code: contact_fields(code))
    thank_you_text_en, thank_you_text_es, thank_you_text_fr, thank_you_text_pt = per_language(
        lambda o, code: f"<p>Thanks in {LANGUAGE_WORDS[code]}</p>"
    )
    to_address = "office@example.org"
    subject = "Website message"


def tag(page, *programmes):
    """Tag a page with programmes and publish that change as an editor would."""
    page.programme_tags = [PageProgramme(programme=programme) for programme in programmes]
    page.save_revision().publish()
    return page


# -- news and blog -------------------------------------------------------------------------
class NewsIndexPageFactory(TranslatedPageFactory):
    class Meta:
        model = NewsIndexPage

    items_per_page = 3
    intro_en, intro_es, intro_fr, intro_pt = per_language(
        lambda o, code: f"News introduction in {LANGUAGE_WORDS[code]}"
    )


class BlogIndexPageFactory(NewsIndexPageFactory):
    class Meta:
        model = BlogIndexPage


class NewsArticlePageFactory(ContentPageFactory):
    class Meta:
        model = NewsArticlePage


class BlogPostPageFactory(ContentPageFactory):
    class Meta:
        model = BlogPostPage


# -- people --------------------------------------------------------------------------------
class PeopleIndexPageFactory(TranslatedPageFactory):
    class Meta:
        model = PeopleIndexPage

    intro_en, intro_es, intro_fr, intro_pt = per_language(
        lambda o, code: f"People introduction in {LANGUAGE_WORDS[code]}"
    )


def people_index():
    """The people index under the home page (or the root), made when the first person is."""
    index = PeopleIndexPage.objects.first()
    if index is None:
        parent = Page.objects.filter(depth=2).first() or Page.get_first_root_node()
        index = PeopleIndexPageFactory(parent=parent, name="People")
    return index


class PersonPageFactory(TranslatedPageFactory):
    """A person (or, with is_organisation=True, an organisation). `key` is the English slug, as
    an author's key was: a second factory call with the same key returns the same person."""

    class Meta:
        model = PersonPage

    class Params:
        name = factory.Sequence(lambda n: f"Person {n}")
        key = factory.Sequence(lambda n: f"author-{n}")

    given_name = "Author"
    family_name = factory.Sequence(lambda n: f"Number{n}")
    slug_en = factory.LazyAttribute(lambda o: o.key)
    slug_es = slug_fr = slug_pt = ""
    role_en, role_es, role_fr, role_pt = per_language(lambda o, code: f"Role in {LANGUAGE_WORDS[code]}")
    biography_en, biography_es, biography_fr, biography_pt = per_language(
        lambda o, code: f"Biography in {LANGUAGE_WORDS[code]}"
    )

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        existing = PersonPage.objects.filter(slug_en=kwargs["slug_en"]).first()
        if existing is not None:
            return existing
        return super()._create(model_class, *args, parent=parent or people_index(), **kwargs)


AuthorFactory = PersonPageFactory  # authors are people


# -- events ---------------------------------------------------------------------------------
class EventIndexPageFactory(TranslatedPageFactory):
    class Meta:
        model = "events.EventIndexPage"

    items_per_page = 3
    intro_en, intro_es, intro_fr, intro_pt = per_language(
        lambda o, code: f"Events introduction in {LANGUAGE_WORDS[code]}"
    )


class EventPageFactory(TranslatedPageFactory):
    """An event a month from now, 14:00 to 16:00 in Accra, unless told otherwise (`start`, `end`
    aware; `time_zone`)."""

    class Meta:
        model = "events.EventPage"

    class Params:
        name = factory.Sequence(lambda n: f"Event {n}")
        days_from_now = 30

    start = factory.LazyAttribute(
        lambda o: (timezone.now() + datetime.timedelta(days=o.days_from_now)).replace(
            hour=14, minute=0, second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    time_zone = "Africa/Accra"
    venue_en, venue_es, venue_fr, venue_pt = per_language(lambda o, code: f"Community hall {code}")
    city_en, city_es, city_fr, city_pt = per_language(lambda o, code: f"Accra {code}")
    country = "GH"
    intro_en, intro_es, intro_fr, intro_pt = per_language(
        lambda o, code: f"Introduction of {o.name} in {LANGUAGE_WORDS[code]}"
    )


# -- worker groups ---------------------------------------------------------------------------
class WorkerGroupIndexPageFactory(ContentPageFactory):
    class Meta:
        model = WorkerGroupIndexPage


class WorkerGroupPageFactory(TranslatedPageFactory):
    class Meta:
        model = WorkerGroupPage

    key = factory.LazyAttribute(lambda o: slugify(o.name))
    intro_en, intro_es, intro_fr, intro_pt = per_language(lambda o, code: f"Definition of {o.name} in {code}")
    risks_en, risks_es, risks_fr, risks_pt = per_language(
        lambda o, code: paragraph(f"Risks of {o.name} in {LANGUAGE_WORDS[code]}")
    )
    key_figures_en, key_figures_es, key_figures_fr, key_figures_pt = per_language(
        lambda o, code: [
            {
                "type": "figure",
                "value": {"figure": "61%", "label": f"share {code}", "source": "ILO (2018)", "source_url": ""},
            }
        ]
    )


def tag_worker_groups(page, *groups):
    """Tag a page with worker groups and publish that change as an editor would."""
    page.worker_group_tags = [PageWorkerGroup(worker_group=group) for group in groups]
    page.save_revision().publish()
    return page


# -- focal cities ----------------------------------------------------------------------------
class CityIndexPageFactory(ContentPageFactory):
    class Meta:
        model = CityIndexPage


class CityPageFactory(ContentPageFactory):
    class Meta:
        model = CityPage

    key = factory.LazyAttribute(lambda o: slugify(o.name))
    country = "GH"
    coordinator_name = "Abena Owusu"
    coordinator_role_en, coordinator_role_es, coordinator_role_fr, coordinator_role_pt = per_language(
        lambda o, code: f"Coordinator {LANGUAGE_WORDS[code]}"
    )


def tag_cities(page, *cities):
    """Tag a page with focal cities and publish that change as an editor would."""
    page.city_tags = [PageCity(city=city) for city in cities]
    page.save_revision().publish()
    return page
