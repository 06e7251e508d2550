"""Everything tagged with a term: the listing a programme, a worker group, a region or a city
page shows, and its feed.

A term is tagged through a taxonomy registered in `core.tagging` (its tag rows hang off
`wagtailcore.Page`), so "every live page of every type tagged with X" is one query over `Page`,
newest first by each type's display date. The listing is filterable by kind (`?type=`): the
kinds offered are the page types that describe themselves with `related_listing_type` (a stable,
language-neutral value), `related_listing_label` and `related_listing_order`, so this module
names no page type. It is paginated like the library and has an RSS and an Atom feed carrying
only the pages written in the feed's language (core.feeds). A page of the listing costs the same
number of queries however many pages are tagged: a count, the counts per kind, the page of
results, one query per page type on it and the listing images.

A page type that lists what is tagged with it takes `TaggedListingMixin` and names its taxonomy
in `tagged_taxonomy`; the feed at `tagged_feed` serves any such page.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core import tagging
from core.feeds import CANDIDATES, PageFeed, feed_links, in_language
from core.listings import attach_listing_images, paginate
from core.models import concrete_page_types, display_date_expression

# The query-string parameter of the kind filter (the programme listing's, kept for its links).
KIND_PARAMETER = "type"


@dataclass
class KindOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class TaggedListing:
    items: object  # the Django paginator page (numbers, links)
    pages: list  # the specific pages of this page of results, listing images attached
    kinds: list[KindOption]
    kind: str  # the chosen kind's value, "" for everything
    problem: str | None  # a message when the filter's value was not understood
    feeds: list = field(default_factory=list)


def listed_kinds() -> dict:
    """{filter value: (plural label, page model)} in the order the filter lists them."""
    models = [model for model in concrete_page_types() if getattr(model, "related_listing_type", None)]
    models.sort(key=lambda model: (getattr(model, "related_listing_order", 100), model._meta.label))
    return {model.related_listing_type: (model.related_listing_label, model) for model in models}


def filter_by_kind(pages: QuerySet, raw_value: str) -> tuple[QuerySet, list[KindOption], str | None]:
    """(filtered pages, options with counts, problem message or None). An unknown value shows
    everything with a message."""
    kinds = listed_kinds()
    content_types = ContentType.objects.get_for_models(*[model for _label, model in kinds.values()])
    type_ids = {key: content_types[model].pk for key, (_label, model) in kinds.items()}
    counts = dict(pages.order_by().values_list("content_type").annotate(n=Count("pk")))
    chosen = raw_value if raw_value in kinds else ""
    problem = _("Unknown kind of page: showing everything.") if raw_value and not chosen else None
    options = [
        KindOption(key, label, counts.get(type_ids[key], 0), key == chosen) for key, (label, _m) in kinds.items()
    ]
    if chosen:
        pages = pages.filter(content_type_id=type_ids[chosen])
    return pages, options, problem


def tagged_pages(taxonomy_key: str, term) -> QuerySet:
    """Every live, public page of any type tagged with `term` through the taxonomy registered
    as `taxonomy_key`, newest first by display date."""
    taxonomy = tagging.get(taxonomy_key)
    return (
        Page.objects.live()
        .public()
        .filter(**{f"{taxonomy.relation}__{taxonomy.target}": term})
        .annotate(display_date=display_date_expression())
        .order_by("-display_date", "-pk")
    )


def specific_in_order(pages) -> list:
    """The specific pages of a list of plain pages, in its order: one query per page type."""
    ids = [page.pk for page in pages]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [specific[pk] for pk in ids if pk in specific]


def tagged_listing(request, taxonomy_key, term, per_page, *, feed_name=None, feed_label="", **feed_kwargs):
    """One page of the listing of what is tagged with `term`, filtered by the request's kind."""
    raw_kind = request.GET.get(KIND_PARAMETER, "").strip()
    pages, kinds, problem = filter_by_kind(tagged_pages(taxonomy_key, term), raw_kind)
    items = paginate(request, pages, per_page)
    return TaggedListing(
        items=items,
        pages=attach_listing_images(specific_in_order(items)),
        kinds=kinds,
        kind=next((option.value for option in kinds if option.selected), ""),
        problem=problem,
        feeds=feed_links(feed_name, label=feed_label, **feed_kwargs) if feed_name else [],
    )


class TaggedListingMixin:
    """For a page type that is itself a term (a worker group, a region, a city): its page lists
    everything tagged with it. Set `tagged_taxonomy` to the taxonomy's key; the page needs
    `items_per_page` (core.models.IndexPageMixin)."""

    tagged_taxonomy = None
    tagged_feed_name = "tagged_feed"  # the address name of its feed (an `<id:pk>` and a `fmt`)

    def everything_tagged(self):
        return tagged_pages(self.tagged_taxonomy, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = tagged_listing(
            request,
            self.tagged_taxonomy,
            self,
            self.items_per_page,
            feed_name=self.tagged_feed_name,
            feed_label=self.title,
            pk=self.pk,
        )
        context.update(tagged=listing, feeds=listing.feeds)
        return context


class TaggedFeed(PageFeed):
    """The feed of everything tagged with a page that is a term (TaggedListingMixin)."""

    def get_object(self, request, pk, *args, **kwargs):
        page = Page.objects.live().public().filter(pk=pk).first()
        page = page.specific if page is not None else None
        if page is None or not getattr(page, "tagged_taxonomy", None):
            raise Http404("No such listing")
        return page

    def items(self, obj):
        return in_language(specific_in_order(obj.everything_tagged()[:CANDIDATES]))


def tagged_feed(request, pk, fmt):
    return TaggedFeed()(request, pk=pk, fmt=fmt)
