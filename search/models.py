"""Promoted search results: pages editors put first for a query in one language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from core.search_index import normalise_query


class SearchPromotion(models.Model):
    """A page editors put first when visitors of one language search for one query."""

    query = models.CharField(
        _("search query"),
        max_length=200,
        help_text=_("What visitors type. Capitals, accents and extra spaces do not matter."),
    )
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=settings.LANGUAGES,
        help_text=_("The promotion applies to searches made in this language only."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="search_promotions", verbose_name=_("page")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Promotions for the same query show in this order, lowest first.")
    )
    normalised_query = models.CharField(max_length=200, editable=False, db_index=True)

    panels = [FieldPanel("query"), FieldPanel("language"), FieldPanel("page"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["language", "normalised_query", "sort_order", "pk"]
        db_table = "wiegosite_searchpromotion"  # the table of the app this model lived in before search
        verbose_name = _("promoted search result")
        verbose_name_plural = _("promoted search results")

    def __str__(self):
        return f"{self.query} ({self.language})"

    def save(self, *args, **kwargs):
        self.normalised_query = normalise_query(self.query)
        super().save(*args, **kwargs)
