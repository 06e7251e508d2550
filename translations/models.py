"""Stored translation status: one row per translated object, one per object and language.

The status is computed when an object is saved (`translations.status.refresh`), never per
request, so the report stays fast with tens of thousands of pages.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    COMPLETE = "complete", _("Complete")
    PARTIAL = "partial", _("Partial")
    MISSING = "missing", _("Missing")
    OUTDATED = "outdated", _("Out of date")


class TranslatedObject(models.Model):
    """A page, snippet or image with translated fields, as the report lists it."""

    class ObjectType(models.TextChoices):
        PAGE = "page", _("Page")
        SNIPPET = "snippet", _("Snippet")
        IMAGE = "image", _("Image")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    object_type = models.CharField(max_length=10, choices=ObjectType.choices)
    page = models.OneToOneField(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="translation_status"
    )
    section = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(max_length=255)
    units = models.PositiveIntegerField(default=0)
    # {unit key: fingerprint of the English text} in the latest revision
    sources = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="translated_object_unique"),
        ]
        indexes = [models.Index(fields=["object_type", "title"])]
        verbose_name = _("translated object")
        # Custom permissions: which languages a user may write (see translations.permissions).
        permissions = [
            ("translate_all", _("Edit every language, English included")),
            ("translate_es", _("Translate into Spanish")),
            ("translate_fr", _("Translate into French")),
            ("translate_pt", _("Translate into Portuguese")),
        ]

    def __str__(self):
        return self.title


class LanguageStatus(models.Model):
    """How far one object is translated into one language."""

    item = models.ForeignKey(TranslatedObject, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(max_length=8)
    status = models.CharField(max_length=10, choices=Status.choices)
    translated = models.PositiveIntegerField(default=0)
    outdated = models.PositiveIntegerField(default=0)
    # Status of the live version when it differs from the latest revision's ("" otherwise).
    live_status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    # {unit key: {"src": fingerprint of the English it was made from, "tx": fingerprint of the
    # translation, "text": that English (absent in records made before it was kept)}} — what lets
    # a later English change mark the unit out of date and show what changed.
    fields = models.JSONField(default=dict)
    # The same record for the live version of a page, kept from when draft and live were last
    # the same (at publish); used to judge the live version while a newer draft waits.
    live_fields = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "language"], name="language_status_unique"),
        ]
        indexes = [models.Index(fields=["language", "status"])]
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")

    def __str__(self):
        return f"{self.item} [{self.language}]: {self.status}"

    @property
    def missing(self):
        return self.item.units - self.translated
