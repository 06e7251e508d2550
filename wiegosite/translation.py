"""Fields translated into every language (django-modeltranslation adds `<field>_<lang>` columns).

Every page class must be registered, even with no fields of its own: wagtail-modeltranslation
patches only registered classes, and an unregistered page class cannot be saved.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import HomePage, Region, SiteImage, SiteSettings, StandardPage


class BasePageTranslation(TranslationOptions):
    fields = ("teaser",)


@register(HomePage)
class HomePageTranslation(BasePageTranslation):
    fields = ("hero_statement", "intro", "body")


@register(StandardPage)
class StandardPageTranslation(BasePageTranslation):
    fields = ("intro", "body")


@register(SiteImage)
class SiteImageTranslation(TranslationOptions):
    fields = ("description", "caption")


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = ("footer_text",)
