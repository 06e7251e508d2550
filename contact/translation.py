from modeltranslation.translator import register

from core.translation import BasePageTranslation

from .models import ContactPage


@register(ContactPage)
class ContactPageTranslation(BasePageTranslation):
    fields = ("intro", "form_fields", "thank_you_text")
