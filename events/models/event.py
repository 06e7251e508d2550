"""An event: when (in its own time zone), where (a place or online), in which languages, its
status, how to register, and once it is over what happened (a report, recordings)."""

from django.conf import settings
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage, image_field
from events import structured_data, times
from events.forms import EventPageForm


def country_choices():
    """ISO 3166 codes with their CLDR names in the active language (django-countries)."""
    return list(countries)


def language_choices():
    """Every language Django knows, for the languages an event is held in (with interpretation)."""
    return list(ALL_LANGUAGES)


class EventPage(BasePage):
    """One event. `start` and `end` are aware datetimes (stored in UTC); `time_zone` is the IANA
    zone of the event, in which the editor types the times and visitors read them."""

    related_listing_type, related_listing_label, related_listing_order = "event", _("Events"), 4
    card_text_fields = ("teaser", "intro")
    show_date_on_cards = False  # the card shows the event's own date and time instead

    SCHEDULED, POSTPONED, CANCELLED, MOVED_ONLINE = "scheduled", "postponed", "cancelled", "moved-online"
    STATUS_CHOICES = [
        (SCHEDULED, _("Scheduled")),
        (POSTPONED, _("Postponed")),
        (CANCELLED, _("Cancelled")),
        (MOVED_ONLINE, _("Moved online")),
    ]
    IN_PERSON, ONLINE, MIXED = "in-person", "online", "mixed"
    ATTENDANCE_CHOICES = [(IN_PERSON, _("In person")), (ONLINE, _("Online")), (MIXED, _("In person and online"))]

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=times.time_zone_choices,
        default="UTC",
        help_text=_(
            "The time zone of the place where the event happens (for online events, the organisers'). "
            "Enter the times above on that clock."
        ),
    )
    status = models.CharField(_("status"), max_length=20, choices=STATUS_CHOICES, default=SCHEDULED)
    attendance = models.CharField(_("how to attend"), max_length=20, choices=ATTENDANCE_CHOICES, default=IN_PERSON)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, choices=country_choices)
    online_url = models.URLField(_("address to join online"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    intro = models.TextField(_("introduction"))
    lead_image = image_field(_("lead image"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    report = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("what happened"),
        help_text=_("A report of the event, shown once it is over."),
    )

    main_text_fields = ("intro",)
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"
    base_form_class = EventPageForm
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("report"),
        index.SearchField("venue"),
        index.SearchField("city"),
    ]

    content_panels = [
        TitleFieldPanel("title"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldPanel("status"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        InlinePanel("event_languages", label=_("Language"), heading=_("Languages of the event")),
        FieldPanel("registration_url"),
        FieldPanel("intro"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("report"), InlinePanel("recordings", label=_("Recording"))],
            heading=_("Once it is over"),
        ),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["end"]), models.Index(fields=["start"])]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    def save(self, *args, **kwargs):
        # The listing and the display date follow the start, on the event's own calendar.
        if self.start:
            self.display_date = times.in_zone(self.start, self.time_zone).date()
        super().save(*args, **kwargs)

    # -- what visitors see -----------------------------------------------------------------
    @property
    def is_past(self):
        """Over once its end has passed: no editor has to move it."""
        return self.end is not None and self.end <= timezone.now()

    @property
    def local_start(self):
        return times.in_zone(self.start, self.time_zone)

    @property
    def local_end(self):
        return times.in_zone(self.end, self.time_zone)

    @property
    def start_iso(self):
        """The start with its own offset, for <time datetime> (templates would convert to UTC)."""
        return self.local_start.isoformat()

    def when_text(self):
        return times.when_text(self.start, self.end, self.time_zone)

    def country_name(self):
        return str(countries.name(self.country)) if self.country else ""

    def place_text(self):
        """ "Venue, City, Country" for an event with a place; "" for one only online."""
        if self.attendance == self.ONLINE or self.status == self.MOVED_ONLINE:
            return ""
        return ", ".join(part for part in (self.venue, self.city, self.country_name()) if part)

    @property
    def is_online(self):
        return self.attendance in (self.ONLINE, self.MIXED) or self.status == self.MOVED_ONLINE

    def language_names(self):
        names = dict(ALL_LANGUAGES)
        return [
            (link.language, gettext(names.get(link.language, link.language))) for link in self.event_languages.all()
        ]

    def cache_expires_at(self):
        """When this page's rendering next changes by itself: at its end, when the report and
        recordings appear and the 'upcoming' wording goes (None once it is over)."""
        return None if self.is_past else self.end

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recordings"] = list(self.recordings.all()) if self.is_past else []
        context["calendar_url"] = self.calendar_url()
        return context

    def calendar_url(self):
        return reverse("event_calendar_file", kwargs={"pk": self.pk})

    # What seo prints for an event: a schema.org Event with its status and attendance mode.
    def structured_data(self, request, *, image=None, publisher=None):
        return [structured_data.event_ld(self, request, image=image, organizer=publisher)]


class EventLanguage(Orderable):
    """A language the event is held in (with interpretation, several)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="event_languages")
    language = models.CharField(_("language"), max_length=10, choices=language_choices)

    panels = [FieldPanel("language")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "language")]
        verbose_name = _("language of the event")


class EventRecording(Orderable):
    """A recording of the event, in its own language (its title is in that language)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="recordings")
    title = models.CharField(_("title, in the recording's language"), max_length=200)
    url = models.URLField(_("address"))
    language = models.CharField(_("language of the recording"), max_length=7, choices=settings.LANGUAGES)

    panels = [FieldPanel("title"), FieldRowPanel([FieldPanel("url"), FieldPanel("language")])]

    class Meta(Orderable.Meta):
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")
