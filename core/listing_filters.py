"""Filters for a section's listing (news, blog, events, ...): every registered taxonomy and the year.

The filters are whatever `core.tagging` holds when the listing is shown, so a taxonomy an app
registers (programmes, regions, worker groups, cities, ...) appears in every section listing
without this module or the section naming it. Values in the query string are language-neutral
(a term's `key` where its model has one, else its id; years), so the language switcher and the
pagination keep them. Unknown or malformed values are dropped with a message, never an error.

Use, in a listing page's `serve()` and `get_context()`:

    redirect = listing_filters.redirect_to_clean(request)   # one address per choice of filters
    listing = listing_filters.SectionFilter().run(request, pages)
    # listing.pages (filtered queryset), listing.facets (for includes/listing_filters.html),
    # listing.query (.problems, .is_filtered, .active_count), listing.noindex

The cost is flat: per taxonomy one query for its terms and one for its counts, two for the years,
whatever the number of pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.db.models.functions import ExtractYear
from django.http import HttpResponseRedirect, QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core import query_strings, tagging

MIN_YEAR, MAX_YEAR = 1950, 2100
MAX_VALUES_PER_FILTER = 20
YEAR = "year"


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    name: str  # the query string parameter
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


@dataclass
class ListingQuery:
    """What the visitor asked for, cleaned: {parameter: [values]}; `problems` says what was ignored."""

    chosen: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)

    def values(self, name):
        return self.chosen.get(name, [])

    @property
    def active_count(self):
        return sum(len(values) for values in self.chosen.values())

    @property
    def is_filtered(self):
        return self.active_count > 0


@dataclass
class FilteredListing:
    pages: QuerySet
    facets: list
    query: ListingQuery

    @property
    def noindex(self):
        # One filter gives a page worth indexing; combinations would flood search engines.
        return self.query.active_count > 1


@dataclass
class TaxonomyFilter:
    """How one registered taxonomy filters: `?<target>=<value>` (e.g. `?region=africa`)."""

    taxonomy: tagging.Taxonomy
    tag_model: type
    term_model: type
    value_field: str  # "key" or "pk"

    @classmethod
    def of(cls, taxonomy):
        tag_model = Page._meta.get_field(taxonomy.relation).related_model
        term_model = tag_model._meta.get_field(taxonomy.target).related_model
        has_key = any(model_field.name == "key" for model_field in term_model._meta.get_fields())
        return cls(taxonomy, tag_model, term_model, "key" if has_key else "pk")

    @property
    def name(self):
        return self.taxonomy.target

    @property
    def value_column(self):
        return f"{self.taxonomy.target}__key" if self.value_field == "key" else f"{self.taxonomy.target}_id"

    def terms(self):
        """The terms visitors may filter by: live ones, in the taxonomy's own order."""
        terms = self.term_model._default_manager.all()
        if any(model_field.name == "live" for model_field in self.term_model._meta.get_fields()):
            terms = terms.filter(live=True)
        if issubclass(self.term_model, Page):
            terms = terms.order_by("path")
        return list(terms)

    def tagged_with(self, values):
        return Exists(self.tag_model.objects.filter(page=OuterRef("pk"), **{f"{self.value_column}__in": values}))


def _values(params, name):
    values = []
    for raw in params.getlist(name)[:MAX_VALUES_PER_FILTER]:
        value = raw.strip()
        if value and value not in values:
            values.append(value)
    return values


class SectionFilter:
    """The filters of one section listing. `date_field` is the date the year filter reads (None:
    no year filter, e.g. for people)."""

    def __init__(self, date_field="display_date"):
        self.date_field = date_field
        self.filters = [TaxonomyFilter.of(taxonomy) for taxonomy in tagging.taxonomies()]
        self._terms = {}

    def terms(self, taxonomy_filter):
        if taxonomy_filter.name not in self._terms:
            self._terms[taxonomy_filter.name] = taxonomy_filter.terms()
        return self._terms[taxonomy_filter.name]

    def term_value(self, taxonomy_filter, term):
        return str(getattr(term, taxonomy_filter.value_field))

    # -- reading the query string ---------------------------------------------------------
    def parse(self, params: QueryDict) -> ListingQuery:
        """Clean the query string; never raises."""
        query = ListingQuery()
        ignored = False
        for taxonomy_filter in self.filters:
            values = _values(params, taxonomy_filter.name)
            if not values:
                continue
            known = {self.term_value(taxonomy_filter, term) for term in self.terms(taxonomy_filter)}
            kept = [value for value in values if value in known]
            ignored |= len(kept) < len(values)
            if kept:
                query.chosen[taxonomy_filter.name] = kept
        years = []
        for value in _values(params, YEAR) if self.date_field else []:
            if value.isdigit() and len(value) == 4 and MIN_YEAR <= int(value) <= MAX_YEAR:
                years.append(value)
            else:
                ignored = True
        if years:
            query.chosen[YEAR] = years
        if ignored:
            query.problems.append(_("Some filters were not recognised and have been ignored."))
        return query

    # -- filtering and counting -----------------------------------------------------------
    def apply(self, pages: QuerySet, query: ListingQuery, skip: str | None = None) -> QuerySet:
        """`pages` narrowed by every chosen filter but `skip` (for facet counts)."""
        for taxonomy_filter in self.filters:
            values = query.values(taxonomy_filter.name)
            if values and taxonomy_filter.name != skip:
                pages = pages.filter(taxonomy_filter.tagged_with(values))
        if query.values(YEAR) and skip != YEAR:
            pages = pages.filter(**{f"{self.date_field}__year__in": [int(year) for year in query.values(YEAR)]})
        return pages

    def facets(self, pages: QuerySet, query: ListingQuery) -> list[Facet]:
        """Each filter with its options and how many pages each option would give, added to the
        other chosen filters. Options that would give nothing are left out unless chosen."""
        facets = []
        for taxonomy_filter in self.filters:
            ids = self.apply(pages, query, skip=taxonomy_filter.name).values("pk")
            counts = dict(
                taxonomy_filter.tag_model.objects.filter(page__in=ids)
                .values_list(taxonomy_filter.value_column)
                .annotate(n=Count("page", distinct=True))
                .order_by()
                .values_list(taxonomy_filter.value_column, "n")
            )
            counts = {str(value): n for value, n in counts.items()}
            chosen = query.values(taxonomy_filter.name)
            options = []
            for term in self.terms(taxonomy_filter):
                value = self.term_value(taxonomy_filter, term)
                if counts.get(value) or value in chosen:
                    options.append(Option(value, str(term), counts.get(value, 0), value in chosen))
            facets.append(Facet(taxonomy_filter.name, taxonomy_filter.taxonomy.panel_label, options))
        if not self.date_field:
            return facets
        years = (
            self.apply(pages, query, skip=YEAR)
            .annotate(listing_year=ExtractYear(self.date_field))
            .values_list("listing_year")
            .annotate(n=Count("pk"))
            .order_by()
            .values_list("listing_year", "n")
        )
        year_counts = {str(year): n for year, n in years if year is not None}
        shown = sorted(set(year_counts) | set(query.values(YEAR)), reverse=True)
        facets.append(
            Facet(
                YEAR,
                _("Year"),
                [Option(year, year, year_counts.get(year, 0), year in query.values(YEAR)) for year in shown],
            )
        )
        return facets

    def run(self, request, pages: QuerySet) -> FilteredListing:
        query = self.parse(request.GET)
        return FilteredListing(self.apply(pages, query), self.facets(pages, query), query)


# -- addresses ---------------------------------------------------------------------------------
def redirect_to_clean(request):
    """A redirect to the same listing without empty parameters (what the no-JavaScript form
    submits for a filter left alone), so that each choice of filters has one address; else None."""
    clean = query_strings.without_empty(request.GET)
    if clean.urlencode() == request.GET.urlencode():
        return None
    return HttpResponseRedirect(f"{request.path}?{clean.urlencode()}" if clean else request.path)


def feed_query_string(params: QueryDict) -> str:
    """The visitor's filters, without the page number, for a feed's address."""
    query = query_strings.without_empty(params)
    query.pop("page", None)
    return query.urlencode()
