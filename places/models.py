"""Places the organisation works in: world regions, and the region tag every page can carry."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.forms import TranslatedModelForm


@register_snippet
class Region(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """A world region pages can be tagged with. The key is stable and language-neutral.

    A change is a draft (a revision) until it is published, like a page: translators submit theirs
    to the review workflow. The row holds the live version, so public code reads the row and lists
    only live regions (`live_regions`).
    """

    name = models.CharField(_("name"), max_length=100)
    key = models.SlugField(
        _("key"), max_length=50, unique=True, help_text=_("Stable identifier used in addresses and filters.")
    )

    panels = [FieldPanel("name"), FieldPanel("key")]
    base_form_class = TranslatedModelForm
    search_fields = [index.SearchField("name")]

    class Meta:
        ordering = ["key"]
        db_table = "wiegosite_region"  # the table of the app this model lived in before places
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name


def live_regions():
    """The regions visitors see: published ones (a region created as a draft is not shown)."""
    return Region.objects.filter(live=True)


class PageRegion(Orderable):
    """A region tag. Keyed on the base page so one query finds every tagged page of any type."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="region_tags")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("region"))

    panels = [FieldPanel("region")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "region")]
        db_table = "wiegosite_pageregion"
        verbose_name = _("region")
