"""Fields of core's models translated into every language (django-modeltranslation adds
`<field>_<lang>` columns), and the base registration every page type's extends.

Every page class must be registered, even with no fields of its own: wagtail-modeltranslation
patches only registered classes, and an unregistered page class cannot be saved
(tests/core/test_translation_setup.py checks every page type).
"""

from modeltranslation.translator import TranslationOptions, register

from core.models import SiteImage, SiteSettings


class BasePageTranslation(TranslationOptions):
    fields = ("teaser",)


@register(SiteImage)
class SiteImageTranslation(TranslationOptions):
    fields = ("description", "caption")


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = ("footer_text",)
