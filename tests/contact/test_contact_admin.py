"""An editor builds a contact form in the admin with its texts in four languages."""

import pytest
from django.utils.text import slugify
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from contact.models import ContactPage
from tests.helpers import add_url, form_errors, post_form, url_in

pytestmark = pytest.mark.django_db

LABELS = {"en": "Your e-mail", "es": "Su correo", "fr": "Votre courriel", "pt": "Seu e-mail"}
TITLES = {"en": "Write to us", "es": "Escríbanos", "fr": "Écrivez-nous", "pt": "Escreva-nos"}


def test_an_editor_creates_and_publishes_a_contact_form_in_four_languages(admin_client, home):
    changes = {"to_address": "office@example.org", "subject": "Website message"}
    for code, title in TITLES.items():
        changes[f"title_{code}"] = title
        changes[f"slug_{code}"] = slugify(title)
        changes[f"intro_{code}"] = f"{title}: intro"
        field = {
            "name": "email",
            "field_type": "email",
            "label": LABELS[code],
            "help_text": "",
            "required": "on",
            "choices": "",
        }
        changes.update(
            nested_form_data(
                {
                    f"form_fields_{code}": streamfield([("field", field)]),
                    f"thank_you_text_{code}": rich_text(f"<p>{title}: thanks</p>"),
                }
            )
        )

    response = post_form(admin_client, add_url(ContactPage, home), changes)

    assert response.status_code == 302, form_errors(response)
    page = ContactPage.objects.get(slug_en="write-to-us")
    assert page.live and page.to_address == "office@example.org"
    for code, title in TITLES.items():
        html = admin_client.get(url_in(page, code)).content.decode()
        assert f"{title}</h1>" in html
        assert f'<label for="id_email">{LABELS[code]} <span' in html
        assert f'action="/{code}/forms/{page.pk}/"' in html
