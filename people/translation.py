from modeltranslation.translator import register

from core.translation import BasePageTranslation
from people.models import PeopleIndexPage, PersonPage


@register(PeopleIndexPage)
class PeopleIndexPageTranslation(BasePageTranslation):
    fields = ("intro", "body")


@register(PersonPage)
class PersonPageTranslation(BasePageTranslation):
    # The name is not translated (given_name, family_name); what the person does is.
    fields = ("role", "biography")
