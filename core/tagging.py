"""The tagging mechanism: the ways every page can be tagged (programmes, regions, ...).

Each taxonomy's relation lives in the app that owns the taxonomy, as an orderable whose
`ParentalKey` points at `wagtailcore.Page` (so "everything tagged with X" is one query over every
page type). The app registers the taxonomy here from its `AppConfig.ready()`; the base page's
editor tab and the tags shown on pages gather what is registered, in `order`.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.admin.panels import InlinePanel
from wagtail.models import Page


@dataclass(frozen=True)
class Taxonomy:
    key: str  # stable name, e.g. "programmes"
    relation: str  # the related_name of the tag rows on Page, e.g. "programme_tags"
    target: str  # the tag row's field holding the term, e.g. "programme"
    heading: str  # shown before the terms on a page, e.g. "Programme(s):"
    panel_label: str  # one row in the editor, e.g. "Programmes"
    panel_heading: str  # the editor's panel heading, e.g. "Programme(s)"
    order: int = 100

    def panel(self) -> InlinePanel:
        return InlinePanel(self.relation, label=self.panel_label, heading=self.panel_heading)

    def terms(self, page: Page) -> list:
        """The page's terms of this taxonomy, in the editor's order; terms that can be drafts (a
        programme page, a region snippet) only while they are live. The row of a live term holds
        its published version, so a draft change to it is not shown."""
        terms = [getattr(tag, self.target) for tag in getattr(page, self.relation).all()]
        return [term for term in terms if getattr(term, "live", True)]


_taxonomies: dict[str, Taxonomy] = {}


def register(taxonomy: Taxonomy) -> None:
    _taxonomies[taxonomy.key] = taxonomy


def get(key: str) -> Taxonomy:
    return _taxonomies[key]


def taxonomies() -> list[Taxonomy]:
    return sorted(_taxonomies.values(), key=lambda taxonomy: (taxonomy.order, taxonomy.key))


def panels() -> list[InlinePanel]:
    return [taxonomy.panel() for taxonomy in taxonomies()]


def page_tags(page: Page) -> list[tuple[Taxonomy, list]]:
    """(taxonomy, terms) for each taxonomy the page has terms in."""
    found = []
    for taxonomy in taxonomies():
        terms = taxonomy.terms(page)
        if terms:
            found.append((taxonomy, terms))
    return found
