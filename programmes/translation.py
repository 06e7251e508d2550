from modeltranslation.translator import register

from core.translation import BasePageTranslation

from .models import (
    ImpactIndexPage,
    ImpactStoryPage,
    InitiativeIndexPage,
    InitiativePage,
    ProgrammeIndexPage,
    ProgrammePage,
)


class ContentTranslation(BasePageTranslation):
    fields = ("intro", "body")


@register(ProgrammeIndexPage)
class ProgrammeIndexPageTranslation(ContentTranslation):
    pass


@register(ProgrammePage)
class ProgrammePageTranslation(ContentTranslation):
    pass


@register(InitiativeIndexPage)
class InitiativeIndexPageTranslation(ContentTranslation):
    pass


@register(InitiativePage)
class InitiativePageTranslation(ContentTranslation):
    fields = ("partners",)


@register(ImpactIndexPage)
class ImpactIndexPageTranslation(ContentTranslation):
    pass


@register(ImpactStoryPage)
class ImpactStoryPageTranslation(ContentTranslation):
    fields = ("outcome_headline", "place", "country", "worker_group")
