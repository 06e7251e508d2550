"""The site's own search index (see core/search_index.py for how it is written and searched)."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class TsvectorField(SearchVectorField):
    """A `tsvector` column on PostgreSQL; elsewhere a text column that stays empty, so the same
    migrations run on SQLite (which searches the folded text instead)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class SearchEntry(models.Model):
    """What a visitor reading one language can find of one live page: the page's own text in
    that language, or, when the page lacks the language, its English text (`is_fallback`).

    One row per page and language, written by `core.search_index.index_page` when the page is
    published and removed when it is unpublished or deleted. Never edited by hand.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="search_entries")
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    is_fallback = models.BooleanField(
        _("English fallback"), default=False, help_text=_("The page lacks this language; its English text is indexed.")
    )
    display_date = models.DateField(_("display date"), null=True)
    title = models.TextField(_("title"))
    text = models.TextField(_("text"), blank=True)
    # Lower-cased, accent-free copies for the SQLite search (plain containment); PostgreSQL
    # searches `search_vector`, built from `title` and `text` with the language's configuration.
    folded_title = models.TextField(blank=True)
    folded_text = models.TextField(blank=True)
    search_vector = TsvectorField(null=True, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "language"], name="search_entry_one_per_language")]
        db_table = "wiegosite_searchentry"  # the table of the app this model lived in before core
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return f"{self.title} ({self.language})"
