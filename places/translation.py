from modeltranslation.translator import TranslationOptions, register

from core.translation import BasePageTranslation
from places.models import CityIndexPage, CityPage, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(CityIndexPage)
class CityIndexPageTranslation(BasePageTranslation):
    fields = ("intro", "body")


@register(CityPage)
class CityPageTranslation(BasePageTranslation):
    fields = ("intro", "body", "coordinator_role")
