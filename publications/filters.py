"""Library filters: series, programme, worker group, region, year, language of the files, free
text, sort.

Filter values in the query string are language-neutral (series, worker group and region keys,
programme page ids, years, language codes), so the language switcher keeps them. Unknown or malformed values are
dropped with a message; they never raise. Counts next to each option are facet counts: how many
publications would match if that option were added to the *other* filters.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

import languages as languages_registry
from core import page_languages as languages
from core import query_strings
from core import search_index as search
from core.listing_filters import Facet, Option
from places.models import PageRegion, live_regions
from programmes.models import PageProgramme, ProgrammePage
from publications.models.publication import PublicationFile, PublicationSeries
from worker_groups.models import PageWorkerGroup, WorkerGroupPage

MAX_QUERY_LENGTH = query_strings.MAX_TEXT_LENGTH
MIN_YEAR, MAX_YEAR = 1950, 2100
MAX_VALUES_PER_FILTER = 20
SORTS = {"newest": _("Newest first"), "title": _("Title (A–Z)")}
FILTER_NAMES = ["series", "programme", "worker_group", "region", "year", "language"]


@dataclass
class LibraryQuery:
    """What the visitor asked for, cleaned. `problems` says what was ignored and why."""

    series: list = field(default_factory=list)
    programme: list = field(default_factory=list)
    worker_group: list = field(default_factory=list)
    region: list = field(default_factory=list)
    year: list = field(default_factory=list)
    language: list = field(default_factory=list)
    q: str = ""
    sort: str = "newest"
    problems: list = field(default_factory=list)

    @property
    def active_count(self):
        return sum(len(getattr(self, name)) for name in FILTER_NAMES) + (1 if self.q else 0)

    @property
    def is_filtered(self):
        return self.active_count > 0


def _values(params, name):
    values = []
    for raw in params.getlist(name)[:MAX_VALUES_PER_FILTER]:
        value = raw.strip()
        if value and value not in values:
            values.append(value)
    return values


def parse(params: QueryDict) -> LibraryQuery:
    """Clean the query string into a LibraryQuery; never raises."""
    query = LibraryQuery()
    known_series = set(PublicationSeries.objects.filter(live=True).values_list("key", flat=True))
    known_regions = set(live_regions().values_list("key", flat=True))
    known_groups = set(WorkerGroupPage.objects.live().public().values_list("key", flat=True))
    known_languages = {code for code, _name in settings.LANGUAGES}
    ignored = False

    for name, known in [
        ("series", known_series),
        ("worker_group", known_groups),
        ("region", known_regions),
        ("language", known_languages),
    ]:
        values = _values(params, name)
        setattr(query, name, [value for value in values if value in known])
        ignored |= len(getattr(query, name)) < len(values)
    programme_ids = []
    for value in _values(params, "programme"):
        if value.isdigit() and len(value) < 12:
            programme_ids.append(int(value))
        else:
            ignored = True
    if programme_ids:
        found = set(ProgrammePage.objects.live().filter(pk__in=programme_ids).values_list("pk", flat=True))
        query.programme = [pk for pk in programme_ids if pk in found]
        ignored |= len(found) < len(set(programme_ids))
    for value in _values(params, "year"):
        if value.isdigit() and len(value) == 4 and MIN_YEAR <= int(value) <= MAX_YEAR:
            query.year.append(int(value))
        else:
            ignored = True
    if ignored:
        query.problems.append(_("Some filters were not recognised and have been ignored."))

    text, was_shortened = query_strings.clean_free_text(params.get("q", ""), MAX_QUERY_LENGTH)
    if was_shortened:
        query.problems.append(
            _("Your search text was too long and has been shortened to %(count)s characters.")
            % {"count": MAX_QUERY_LENGTH}
        )
    query.q = text
    sort = params.get("sort", "newest")
    if sort in SORTS:
        query.sort = sort
    else:
        query.problems.append(_("Unknown sort order: showing the newest first."))
    return query


def apply(publications: QuerySet, query: LibraryQuery, skip: str | None = None) -> QuerySet:
    """Filter a queryset of publications by every filter except `skip` (for facet counts)."""
    if query.series and skip != "series":
        publications = publications.filter(series__key__in=query.series)
    if query.programme and skip != "programme":
        publications = publications.filter(
            Exists(PageProgramme.objects.filter(page=OuterRef("pk"), programme_id__in=query.programme))
        )
    if query.worker_group and skip != "worker_group":
        publications = publications.filter(
            Exists(PageWorkerGroup.objects.filter(page=OuterRef("pk"), worker_group__key__in=query.worker_group))
        )
    if query.region and skip != "region":
        publications = publications.filter(
            Exists(PageRegion.objects.filter(page=OuterRef("pk"), region__key__in=query.region))
        )
    if query.year and skip != "year":
        publications = publications.filter(display_date__year__in=query.year)
    if query.language and skip != "language":
        publications = publications.filter(
            Exists(PublicationFile.objects.filter(page=OuterRef("pk"), language__in=query.language))
        )
    if query.q:
        # The site search index: the visitor's language (English only for pages without it),
        # with that language's stemming on PostgreSQL and accent-free matching on SQLite.
        entries = search.matching_entries(query.q, translation.get_language(), publications)
        publications = publications.filter(pk__in=entries.order_by().values("page_id"))
    return publications


def order(publications: QuerySet, query: LibraryQuery) -> QuerySet:
    if query.sort == "title":
        return publications.order_by(languages.shown_value_expression("title").asc(), "pk")
    return publications.order_by("-display_date", "-pk")


FACET_CACHE_SECONDS = 600
FACET_VERSION_KEY = "library-facets-version"


def library_changed(**kwargs) -> None:
    """Signal receiver: a publish, unpublish, move or delete (or a series or region change) may
    change the counts, so start a new generation of cached counts (shared by every app server
    through Redis)."""
    try:
        cache.incr(FACET_VERSION_KEY)
    except ValueError:
        cache.set(FACET_VERSION_KEY, 1, None)


def _facet_cache_key(publications, query):
    version = cache.get_or_set(FACET_VERSION_KEY, 1, None)
    chosen = {name: sorted(map(str, getattr(query, name))) for name in FILTER_NAMES}
    signature = json.dumps([str(publications.query), chosen, query.q, translation.get_language()], sort_keys=True)
    return f"library-facets:{version}:{hashlib.sha256(signature.encode()).hexdigest()}"


def facets(publications: QuerySet, query: LibraryQuery) -> list[Facet]:
    """Every filter with its options and facet counts. The counts cost a fixed number of
    queries; they are cached until the library changes, the labels are read fresh."""
    key = _facet_cache_key(publications, query)
    counted = cache.get(key)
    if counted is None:
        counted = _count(publications, query)
        cache.set(key, counted, FACET_CACHE_SECONDS)
    return _facets_with_labels(query, counted)


def _count(publications, query):
    """{facet: {option value: publications}} plus every year present, in seven queries."""

    def own_column(skip, column, annotate=None):
        rows = apply(publications, query, skip=skip).annotate(**(annotate or {}))
        rows = rows.filter(**{f"{column}__isnull": False})
        return dict(rows.values_list(column).annotate(n=Count("pk")).order_by().values_list(column, "n"))

    def related_table(skip, model, column):
        rows = model.objects.filter(page__in=apply(publications, query, skip=skip).values("pk"))
        return dict(
            rows.values_list(column).annotate(n=Count("page", distinct=True)).order_by().values_list(column, "n")
        )

    counted = {
        "series": own_column("series", "series__key"),
        "year": own_column("year", "year", annotate={"year": ExtractYear("display_date")}),
        "programme": related_table("programme", PageProgramme, "programme_id"),
        "worker_group": related_table("worker_group", PageWorkerGroup, "worker_group__key"),
        "region": related_table("region", PageRegion, "region__key"),
        "language": related_table("language", PublicationFile, "language"),
    }
    counted = {name: {str(value): n for value, n in table.items()} for name, table in counted.items()}
    years = publications.annotate(year=ExtractYear("display_date")).values_list("year", flat=True).distinct()
    counted["all_years"] = sorted(years.order_by(), reverse=True)
    return counted


def _facets_with_labels(query, counted):
    series_counts, programme_counts, region_counts = counted["series"], counted["programme"], counted["region"]
    group_counts = counted["worker_group"]
    year_counts, language_counts, all_years = counted["year"], counted["language"], counted["all_years"]

    def option(value, label, table, chosen):
        return Option(str(value), label, table.get(str(value), 0), value in chosen)

    return [
        Facet(
            "series",
            _("Series"),
            [option(s.key, s.name, series_counts, query.series) for s in PublicationSeries.objects.filter(live=True)],
        ),
        Facet(
            "programme",
            _("Programme"),
            [
                option(p.pk, p.title, programme_counts, query.programme)
                for p in ProgrammePage.objects.live().order_by("path")
            ],
        ),
        Facet(
            "worker_group",
            _("Worker group"),
            [
                option(g.key, g.title, group_counts, query.worker_group)
                for g in WorkerGroupPage.objects.live().public().order_by("path")
            ],
        ),
        Facet("region", _("Region"), [option(r.key, r.name, region_counts, query.region) for r in live_regions()]),
        # Only the years that would give publications (and those chosen, to untick them).
        Facet(
            "year",
            _("Year"),
            [
                option(y, str(y), year_counts, query.year)
                for y in all_years
                if year_counts.get(str(y)) or y in query.year
            ],
        ),
        Facet(
            "language",
            _("Language of the files"),
            [
                option(code, capfirst(languages_registry.names()[code]), language_counts, query.language)
                for code, _name in settings.LANGUAGES
            ],
        ),
    ]


# What the no-JavaScript form submits for a field left alone: it asks for nothing.
DEFAULT_VALUES = {"sort": "newest"}


def clean_query_string(params: QueryDict) -> str | None:
    """The clean query string when `params` carries empty parameters, else None (nothing to do)."""
    clean = query_strings.without_empty(params, DEFAULT_VALUES)
    if clean.urlencode() == params.urlencode():
        return None
    return clean.urlencode()


def feed_query_string(params: QueryDict) -> str:
    """The visitor's filters, without the listing page number, for a feed address."""
    query = query_strings.without_empty(params, DEFAULT_VALUES)
    query.pop("page", None)
    return query.urlencode()
