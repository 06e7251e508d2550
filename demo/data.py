"""The committed demo data (demo/demo_data/*.json): what it holds and how it is read."""

import json
from pathlib import Path

from contact.models import ContactPage
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from news.models import BlogIndexPage, BlogPostPage, NewsArticlePage, NewsIndexPage
from people.models import PeopleIndexPage, PersonPage
from places.models import CityIndexPage, CityPage
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
from worker_groups.models import WorkerGroupIndexPage, WorkerGroupPage

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
    "worker_groups.json",
    "cities.json",
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
        WorkerGroupIndexPage,
        WorkerGroupPage,
        CityIndexPage,
        CityPage,
    )
}

# Translated StreamFields, given per language in a page's spec.
STREAM_FIELDS = ["body", "who_and_where", "risks", "key_figures", "organisations"]

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
    "coordinator_role",
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
    "coordinator_name",
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
        for taxonomy, terms in data.get("tags", {}).items():
            merged.setdefault("tags", {}).setdefault(taxonomy, {}).update(terms)
    home = [tree for tree in merged["pages"] if tree["type"] == "HomePage"]
    if len(home) != 1:
        raise DemoDataError("The demo data must contain exactly one HomePage.")
    # The index pages of the other files hang under the home page.
    home[0].setdefault("children", []).extend(tree for tree in merged["pages"] if tree["type"] != "HomePage")
    merged["home"] = home[0]
    _apply_tags(merged)
    return merged


def _apply_tags(merged):
    """A file's `tags` ({taxonomy key: {term page key: [page keys]}}) tag pages of other files:
    each listed page's spec gets the term under the taxonomy's key (read by the builder)."""
    specs, stack = {}, [merged["home"]]
    while stack:
        spec = stack.pop()
        specs[spec["key"]] = spec
        stack.extend(spec.get("children", []))
    for taxonomy, terms in merged.get("tags", {}).items():
        for term, pages in terms.items():
            for key in pages:
                if key not in specs:
                    raise DemoDataError(f"Tags of {term!r}: no page {key!r} in the demo data")
                tagged = specs[key].setdefault(taxonomy, [])
                if term not in tagged:
                    tagged.append(term)
