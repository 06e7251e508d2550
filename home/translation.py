from modeltranslation.translator import register

from core.translation import BasePageTranslation
from home.models import HomePage


@register(HomePage)
class HomePageTranslation(BasePageTranslation):
    fields = ("hero_statement", "intro", "body")
