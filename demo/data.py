"""The committed demo data (demo/demo_data/*.json): what it holds and how it is read."""

import json
from pathlib import Path

from contact.models import ContactPage
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from news.models import BlogIndexPage, BlogPostPage, NewsArticlePage, NewsIndexPage
from people.models import PeopleIndexPage, PersonPage
from programmes.models import (
    ImpactIndexPage,
    ImpactStoryPage,
    InitiativeIndexPage,
    InitiativePage,
    ProgrammeIndexPage,
    ProgrammePage,
)
from publications.models import (
    PublicationIndexPage,
    PublicationPage,
)
from standard_pages.models import StandardPage

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
DATA_FILES = [
    "site.json",
    "programmes.json",
    "initiatives.json",
    "impact.json",
    "publications.json",
    "about.json",
    "news.json",
    "people.json",
    "events.json",
]

PAGE_TYPES = {
    model.__name__: model
    for model in (
        HomePage,
        ContactPage,
        StandardPage,
        ProgrammeIndexPage,
        ProgrammePage,
        InitiativeIndexPage,
        InitiativePage,
        ImpactIndexPage,
        ImpactStoryPage,
        PublicationIndexPage,
        PublicationPage,
        NewsIndexPage,
        NewsArticlePage,
        BlogIndexPage,
        BlogPostPage,
        PeopleIndexPage,
        PersonPage,
        EventIndexPage,
        EventPage,
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
    "thank_you_text",
    "role",
    "biography",
    "venue",
    "city",
]
PLAIN_FIELDS = [
    "initiative_type",
    "start_year",
    "end_year",
    "year",
    "people_reached",
    "number",
    "items_per_page",
    "show_in_menus",
    "to_address",
    "subject",
    "given_name",
    "family_name",
    "team",
    "is_organisation",
]


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
