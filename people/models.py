"""People: staff, board, associates and the authors of publications and posts, one page each.

A person's name is not translated and is kept in two parts, so that citations can write
"Family, Given" (BibTeX, RIS) or "Family, G."; an organisation that signs as an author has one
name, kept in `family_name`. `name` ("Given Family") follows from them and is the page's title
in every language. Role and biography are translated. A person's page lists what they wrote
through `core.authorship`, so this app names none of the apps above it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

import languages
from core import authorship, listing_filters, page_languages, sites
from core.blocks import BodyBlock
from core.listings import attach_listing_images
from core.models import BasePage, image_field

WRITINGS_SHOWN = 10


class Team(models.TextChoices):
    STAFF = "staff", _("Staff")
    BOARD = "board", _("Board")
    ASSOCIATES = "associates", _("Associates")
    AUTHORS = "authors", _("Authors and contributors")


class PeopleIndexPage(BasePage):
    """Everyone, grouped by team, filterable by team and by every taxonomy."""

    type_label = _("People")
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    max_count = 1
    # No parent_page_types: placed under the page type that lists it (the home page).
    subpage_types = ["people.PersonPage"]
    template = "people/people_index_page.html"
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    content_panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        verbose_name = _("people index page")

    def people(self):
        return (
            PersonPage.objects.child_of(self)
            .live()
            .public()
            .select_related("photo")
            .order_by("family_name", "given_name", "pk")
        )

    def serve(self, request, *args, **kwargs):
        return listing_filters.redirect_to_clean(request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        people = self.people()
        team = request.GET.get("team", "").strip()
        problems = []
        if team and team not in Team.values:
            problems.append(_("Unknown team: showing everyone."))
            team = ""
        listing = listing_filters.SectionFilter(date_field=None).run(request, people)
        shown = listing.pages.filter(team=team) if team else listing.pages
        shown = attach_listing_images(shown, field="photo")
        context.update(
            shown_count=len(shown),
            teams=[(value, label, [p for p in shown if p.team == value]) for value, label in Team.choices],
            team_options=[(value, label, value == team) for value, label in Team.choices],
            facets=listing.facets,
            query=listing.query,
            problems=[*problems, *listing.query.problems],
            is_filtered=bool(team) or listing.query.is_filtered,
            noindex=listing.noindex or (bool(team) and listing.query.is_filtered),
        )
        return context


class PersonPage(BasePage):
    type_label = _("Person")
    show_date_on_cards = False  # a person's page has no date that means anything to a reader
    card_text_fields = ("role", "teaser")

    is_organisation = models.BooleanField(
        _("organisation"), default=False, help_text=_("An organisation has one name: enter it as the family name.")
    )
    given_name = models.CharField(_("given names"), max_length=100, blank=True)
    family_name = models.CharField(_("family name, or the organisation's name"), max_length=150)
    name = models.CharField(_("name"), max_length=200, editable=False)
    team = models.CharField(_("team"), max_length=20, choices=Team.choices, default=Team.AUTHORS)
    role = models.CharField(_("role"), max_length=200, blank=True, help_text=_("For example: Director, Statistics."))
    biography = models.TextField(_("biography"), blank=True)
    photo = image_field(_("photo"), _("A portrait; its credit is shown with it."))

    main_text_fields = ()  # the name is the same in every language: a person's page is in all
    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []
    template = "people/person_page.html"
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("role"),
        index.SearchField("biography"),
        index.AutocompleteField("name"),
    ]
    content_panels = [
        MultiFieldPanel(
            [FieldPanel("is_organisation"), FieldRowPanel([FieldPanel("given_name"), FieldPanel("family_name")])],
            heading=_("Name (not translated)"),
        ),
        FieldPanel("team"),
        FieldPanel("role"),
        FieldPanel("biography"),
        FieldPanel("photo"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name or self.title

    def clean(self):
        super().clean()
        if self.is_organisation and self.given_name.strip():
            raise ValidationError({"given_name": _("An organisation has one name: leave the given names empty.")})

    def full_clean(self, *args, **kwargs):
        # The title is required: it is the name, so set it before validation (clean() still
        # sees an organisation's given names, to refuse them).
        self.set_name(tidy=False)
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.set_name()
        return super().save(*args, **kwargs)

    def set_name(self, tidy=True):
        """The name readers see, from its parts; it is the title in every language. `tidy`
        also collapses spaces in the parts and empties an organisation's given names."""
        given, family = " ".join(self.given_name.split()), " ".join(self.family_name.split())
        if self.is_organisation:
            given = ""
        if tidy:
            self.given_name, self.family_name = given, family
        self.name = " ".join(part for part in (given, family) if part)
        if self.name:
            for code in languages.LANGUAGE_CODES:
                setattr(self, f"title_{code}", self.name)
            self.title = self.draft_title = self.name

    def schema_org_agent(self, publisher=None):
        """A schema.org Person (or Organization, the publisher itself when it is the author)."""
        if self.is_organisation:
            if publisher and self.name.casefold() == (publisher.get("name") or "").casefold():
                return publisher
            return {"@type": "Organization", "name": self.name}
        person = {"@type": "Person", "name": self.name, "familyName": self.family_name}
        if self.given_name:
            person["givenName"] = self.given_name
        return person

    def writings(self):
        """[(heading, pages)] of what the person wrote, newest first, for each app that registers."""
        found = []
        for writings in authorship.registered():
            pages = attach_listing_images(writings.pages(self)[:WRITINGS_SHOWN])
            if pages:
                found.append((writings.heading, pages))
        return found

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["writings"] = self.writings()
        return context

    def structured_data(self, request, *, image=None, publisher=None):
        agent = self.schema_org_agent()
        data = {"@context": sites.SCHEMA_CONTEXT, **agent, "url": page_languages.canonical_url(self, request)}
        if self.role and not self.is_organisation:
            data["jobTitle"] = self.role
        if not self.is_organisation and publisher:
            data["worksFor"] = publisher
        return [data]
