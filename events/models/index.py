"""The events page: upcoming events at its own address, past ones under a translated segment
(/en/events/past/, /es/eventos/pasados/, ...), both filterable and paginated.

Upcoming and past are decided by each event's end time at the moment of the request (never a
stored flag), so an event moves to the past listing at its end with no editor action.
"""

from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from core import page_languages as languages
from core.blocks import BodyBlock
from core.listings import attach_listing_images, paginate
from core.models import BasePage, IndexPageMixin
from events import filters
from events.models.event import EventPage

# The past listing's segment in each language, like a translated slug. Every one of them is
# routed in every language; a visitor who uses another language's segment is redirected.
PAST_SEGMENTS = {"en": "past", "es": "pasados", "fr": "passes", "pt": "passados"}


def past_segment(language=None):
    return PAST_SEGMENTS.get(language or translation.get_language(), PAST_SEGMENTS["en"])


class EventIndexPage(RoutablePageMixin, IndexPageMixin, BasePage):
    type_label = _("Events")  # what visitors see in listings and search results

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    max_count = 1
    # No parent_page_types: placed under the page type that lists it (the home page).
    subpage_types = ["events.EventPage"]
    template = "events/event_index_page.html"
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("items_per_page"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        verbose_name = _("events page")

    # -- the two listings ------------------------------------------------------------------
    def events(self):
        return EventPage.objects.child_of(self).live().public().select_related("listing_image", "lead_image")

    def upcoming_events(self, now=None):
        """Events not yet over (those running now included), soonest first."""
        return self.events().filter(end__gt=now or timezone.now()).order_by("start", "pk")

    def past_events(self, now=None):
        """Events over, most recent first."""
        return self.events().filter(end__lte=now or timezone.now()).order_by("-start", "-pk")

    def cache_expires_at(self):
        """When this page's rendering next changes by itself: the next end of an upcoming event
        (it then leaves the upcoming listing for the past one). None when nothing is upcoming."""
        return self.events().filter(end__gt=timezone.now()).aggregate(next_end=models.Min("end"))["next_end"]

    def past_url(self, language=None):
        language = language or translation.get_language()
        return f"{languages.page_url(self, language)}{past_segment(language)}/"

    # -- routes ----------------------------------------------------------------------------
    @path("")
    def upcoming_view(self, request):
        return self.listing(request, past=False)

    @path(f"{PAST_SEGMENTS['en']}/", name="past")
    @path(f"{PAST_SEGMENTS['es']}/", name="past-es")
    @path(f"{PAST_SEGMENTS['fr']}/", name="past-fr")
    @path(f"{PAST_SEGMENTS['pt']}/", name="past-pt")
    def past_view(self, request):
        segment = request.path.rstrip("/").rsplit("/", 1)[-1]
        if segment != past_segment():
            if segment not in PAST_SEGMENTS.values():
                raise Http404
            # Another language's segment (/es/eventos/past/): the address in this language.
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(self.past_url() + (f"?{query}" if query else ""))
        return self.listing(request, past=True)

    def listing(self, request, *, past):
        clean = filters.clean_query_string(request.GET)
        if clean is not None:
            return HttpResponseRedirect(f"{request.path}?{clean}" if clean else request.path)
        base = self.past_events() if past else self.upcoming_events()
        query = filters.parse(request.GET)
        items = paginate(request, filters.apply(base, query), self.items_per_page)
        items.object_list = attach_listing_images(items.object_list)
        other_count = (self.upcoming_events() if past else self.past_events()).exists()
        context = {
            "past": past,
            "items": items,
            "query": query,
            "facets": filters.facets(base, query),
            "other_listing_exists": other_count,
            "upcoming_url": self.get_url(request=request),
            "past_url": self.past_url(),
            "noindex": query.active_count > 1,
            "calendar_feed_url": self.calendar_feed_url(),
        }
        if past:
            # The switcher, canonical and alternates name the past listing in each language.
            context["language_links"] = self.past_switcher_links(request)
            context["page_url_suffix"] = {code: f"{past_segment(code)}/" for code in PAST_SEGMENTS}
        return self.render(request, context_overrides=context)

    def past_switcher_links(self, request):
        links = languages.switcher_links(self, request)
        for link in links:
            base, _sep, query = link["url"].partition("?")
            link["url"] = f"{base}{past_segment(link['code'])}/" + (f"?{query}" if query else "")
        return links

    def calendar_feed_url(self):
        return reverse("events_calendar_feed")
