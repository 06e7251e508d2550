"""Publications, their series, authors (people.PersonPage) and files (each file in its own language)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.blocks import BodyBlock
from core.forms import TranslatedModelForm
from core.models import BasePage, image_field
from publications import citations


@register_snippet
class PublicationSeries(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """A publication series, e.g. WIEGO Brief or WIEGO Working Paper.

    Changes are drafts until published, like a page's (see places.models.Region): the row holds
    the live version.
    """

    name = models.CharField(_("name"), max_length=150)
    key = models.SlugField(
        _("key"), max_length=60, unique=True, help_text=_("Stable identifier used in addresses and filters.")
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("key"), FieldPanel("description")]
    base_form_class = TranslatedModelForm
    search_fields = [index.SearchField("name")]

    class Meta:
        ordering = ["key"]
        verbose_name = _("publication series")
        verbose_name_plural = pgettext_lazy("plural", "publication series")

    def __str__(self):
        return self.name


class PublicationPage(BasePage):
    related_listing_type, related_listing_label, related_listing_order = "publication", _("Publications"), 1
    open_graph_type = "article"  # a dated piece of writing
    card_text_fields = ("teaser", "summary")

    number = models.CharField(
        _("number in the series"), max_length=20, blank=True, help_text=_("For example 48 for Working Paper No. 48.")
    )
    series = models.ForeignKey(
        PublicationSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
        verbose_name=_("series"),
    )
    summary = models.TextField(_("summary"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    cover_image = image_field(_("cover image"))
    citation = models.TextField(
        _("citation"), blank=True, help_text=_("How to cite this publication, if it differs from the usual form.")
    )

    main_text_fields = ("summary",)
    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []
    template = "publications/publication_page.html"
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("series", [index.SearchField("name")]),
    ]

    content_panels = [
        TitleFieldPanel("title"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("series"), FieldPanel("number")]), InlinePanel("authors", label=_("Authors"))],
            heading=_("Series and authors"),
        ),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        InlinePanel("files", label=_("Files"), heading=_("Files, each in its own language")),
        FieldPanel("citation"),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing and date")),
    ]

    class Meta:
        verbose_name = _("publication")

    def author_list(self):
        return [link.author for link in self.authors.all()]

    @property
    def live_series(self):
        """The series as visitors see it: None while the series is an unpublished draft (its row
        holds the live version: a draft change to a published series is not shown)."""
        series = self.series
        return series if series is not None and series.live else None

    def series_label(self):
        """'WIEGO Working Paper No. 48', or just the series name."""
        series = self.live_series
        if not series:
            return ""
        if self.number:
            return _("%(series)s No. %(number)s") % {"series": series.name, "number": self.number}
        return series.name

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files.select_related("document")
        return context

    # What seo prints for a publication: a Report or ScholarlyArticle and Google Scholar's tags.
    def structured_data(self, request, *, image=None, publisher=None):
        reference = citations.reference_for(self, request)
        return [citations.schema_org(reference, image=image, publisher=publisher)]

    def citation_meta(self, request):
        return citations.scholar_meta(citations.reference_for(self, request))


class PublicationAuthor(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="authors")
    # Authors are people (people.PersonPage): a person or an organisation, with their own page.
    author = models.ForeignKey(
        "people.PersonPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("author")
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "author")]


class PublicationFile(Orderable):
    """A downloadable file of a publication, in one language (a Spanish PDF on an English page
    is normal)."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("file")
    )
    language = models.CharField(_("language of the file"), max_length=7, choices=settings.LANGUAGES)

    panels = [FieldRowPanel([FieldPanel("document"), FieldPanel("language")])]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")
