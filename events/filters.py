"""Filters of the event listings: one per registered taxonomy (programmes, worker groups,
regions, ...: whatever `core.tagging` holds, so this module names no taxonomy app) and the year.

Values in the query string are language-neutral (a term's `key` where it has one, else its page
id; years), so the language switcher and pagination keep them. Unknown or malformed values are
dropped with a message; they never raise.

(Written here because the generic `core/listing_filters.py` had not landed when events were
built; it can replace this module once it has.)
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core import query_strings, tagging

MIN_YEAR, MAX_YEAR = 1950, 2100
MAX_VALUES_PER_FILTER = 20


@dataclass
class Option:
    value: str
    label: str
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)


@dataclass
class TaxonomyFilter:
    """How to filter pages by one taxonomy: its tag rows, its terms and their neutral value."""

    taxonomy: tagging.Taxonomy

    @property
    def name(self):
        return self.taxonomy.key

    @property
    def tag_model(self):
        return Page._meta.get_field(self.taxonomy.relation).related_model

    @property
    def term_model(self):
        return self.tag_model._meta.get_field(self.taxonomy.target).related_model

    @property
    def value_field(self):
        names = {f.name for f in self.term_model._meta.get_fields()}
        return "key" if "key" in names else "pk"

    def terms(self):
        terms = self.term_model.objects.all()
        if issubclass(self.term_model, Page):
            return terms.live().public().order_by("path")
        if "live" in {f.name for f in self.term_model._meta.get_fields()}:
            terms = terms.filter(live=True)
        return terms

    def label(self, term):
        return getattr(term, "title", None) or getattr(term, "name", None) or str(term)

    def value(self, term):
        return str(getattr(term, self.value_field))

    def condition(self, values):
        lookup = f"{self.taxonomy.target}__{self.value_field}__in"
        return Exists(self.tag_model.objects.filter(page=OuterRef("pk"), **{lookup: values}))


def taxonomy_filters():
    return [TaxonomyFilter(taxonomy) for taxonomy in tagging.taxonomies()]


@dataclass
class EventQuery:
    """What the visitor asked for, cleaned: {taxonomy key: [values]}, years, and what was ignored."""

    terms: dict = field(default_factory=dict)
    year: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def is_filtered(self):
        return bool(self.year) or any(self.terms.values())

    @property
    def active_count(self):
        return len(self.year) + sum(len(values) for values in self.terms.values())


def _values(params, name):
    values = []
    for raw in params.getlist(name)[:MAX_VALUES_PER_FILTER]:
        value, _shortened = query_strings.clean_free_text(raw, 40)
        if value and value not in values:
            values.append(value)
    return values


def parse(params: QueryDict) -> EventQuery:
    """Clean the query string into an EventQuery; never raises. One query per taxonomy asked for."""
    query, ignored = EventQuery(), False
    for taxonomy_filter in taxonomy_filters():
        asked = _values(params, taxonomy_filter.name)
        if not asked:
            continue
        if taxonomy_filter.value_field == "pk":
            numbers = [value for value in asked if value.isdigit() and len(value) < 12]
            ignored |= len(numbers) < len(asked)
            asked = numbers
        known = {
            str(value)
            for value in taxonomy_filter.terms()
            .filter(**{f"{taxonomy_filter.value_field}__in": asked})
            .values_list(taxonomy_filter.value_field, flat=True)
        }
        query.terms[taxonomy_filter.name] = [value for value in asked if value in known]
        ignored |= len(known) < len(asked)
    for value in _values(params, "year"):
        if value.isdigit() and len(value) == 4 and MIN_YEAR <= int(value) <= MAX_YEAR:
            query.year.append(int(value))
        else:
            ignored = True
    if ignored:
        query.problems.append(_("Some filters were not recognised and have been ignored."))
    return query


def apply(events: QuerySet, query: EventQuery) -> QuerySet:
    for taxonomy_filter in taxonomy_filters():
        values = query.terms.get(taxonomy_filter.name)
        if values:
            events = events.filter(taxonomy_filter.condition(values))
    if query.year:
        events = events.filter(start__year__in=query.year)
    return events


def facets(events: QuerySet, query: EventQuery) -> list[Facet]:
    """Each taxonomy with its live terms, then the years the listing has (one query each)."""
    found = []
    for taxonomy_filter in taxonomy_filters():
        chosen = query.terms.get(taxonomy_filter.name, [])
        options = [
            Option(taxonomy_filter.value(term), taxonomy_filter.label(term), taxonomy_filter.value(term) in chosen)
            for term in taxonomy_filter.terms()
        ]
        found.append(Facet(taxonomy_filter.name, taxonomy_filter.taxonomy.panel_label, options))
    years = events.annotate(year=ExtractYear("start")).order_by("-year").values_list("year", flat=True).distinct()
    shown = sorted(set(years) | set(query.year), reverse=True)
    found.append(Facet("year", _("Year"), [Option(str(year), str(year), year in query.year) for year in shown]))
    return found


def clean_query_string(params: QueryDict) -> str | None:
    """The clean query string when `params` carries empty parameters, else None (nothing to do)."""
    clean = query_strings.without_empty(params)
    if clean.urlencode() == params.urlencode():
        return None
    return clean.urlencode()
