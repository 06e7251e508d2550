from modeltranslation.translator import register

from core.translation import BasePageTranslation
from standard_pages.models import StandardPage


@register(StandardPage)
class StandardPageTranslation(BasePageTranslation):
    fields = ("intro", "body")
