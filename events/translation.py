from modeltranslation.translator import register

from core.translation import BasePageTranslation

from .models import EventIndexPage, EventPage


@register(EventIndexPage)
class EventIndexPageTranslation(BasePageTranslation):
    fields = ("intro", "body")


@register(EventPage)
class EventPageTranslation(BasePageTranslation):
    # The venue and city as the language writes them (Genève, Ginebra, Genebra).
    fields = ("intro", "body", "report", "venue", "city")
