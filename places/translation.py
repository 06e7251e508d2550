from modeltranslation.translator import TranslationOptions, register

from places.models import Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
