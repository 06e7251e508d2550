from modeltranslation.translator import TranslationOptions, register

from core.translation import BasePageTranslation

from .models import PublicationIndexPage, PublicationPage, PublicationSeries


@register(PublicationIndexPage)
class PublicationIndexPageTranslation(BasePageTranslation):
    fields = ("intro", "body")


@register(PublicationPage)
class PublicationPageTranslation(BasePageTranslation):
    fields = ("summary", "body", "citation")


@register(PublicationSeries)
class PublicationSeriesTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)
