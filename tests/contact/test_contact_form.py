"""The contact form: drawn in the visitor's language, posted to its own address, stored and
e-mailed; bad input and bots answered with the form and a message, nothing stored."""

import csv
import io
import re

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from tests import factories
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "es", "fr", "pt")


@pytest.fixture
def contact(home):
    return factories.ContactPageFactory(parent=home, name="Contact")


def drawn_form(client, page, language):
    response = client.get(url_in(page, language))
    assert response.status_code == 200
    html = response.content.decode()
    action = re.search(r'<form class="public-form" method="post" action="([^"]+)"', html).group(1)
    started = re.search(r'name="form_started" value="([^"]+)"', html).group(1)
    return response, html, action, started


def answers(**changes):
    data = {"name": "Ana Lima", "email": "ana@example.net", "topic": "Data", "message": "Hello", "website": ""}
    data.update(changes)
    return data


def post(client, page, language, **changes):
    _response, _html, action, started = drawn_form(client, page, language)
    return client.post(action, {**answers(**changes), "form_started": started})


def test_the_form_is_drawn_in_each_language_and_never_cached(client, contact):
    for language in LANGUAGES:
        response, html, action, _started = drawn_form(client, contact, language)
        assert action == f"/{language}/forms/{contact.pk}/"
        labels = dict(re.findall(r'<label for="id_(\w+)">([^<]+?)\s*(?:<span|</label>)', html))
        for name, _kind, _required, texts, _options in factories.CONTACT_FIELDS:
            assert labels[name] == texts[language], (language, name)
        options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', html)
        assert ("Data", {"en": "Data", "es": "Datos", "fr": "Données", "pt": "Dados"}[language]) in options
        assert "no-store" in response["Cache-Control"] and "csrfmiddlewaretoken" in html
        assert re.search(r"<div hidden>.*name=\"website\"", html, re.S)  # the honeypot, out of sight


def test_a_submission_is_stored_under_fixed_names_and_emailed_in_english(client, contact):
    response = post(client, contact, "fr", topic="Data")
    assert response.status_code == 200
    assert "Thanks in Français" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact)
    assert submission.form_data == {
        "name": "Ana Lima",
        "email": "ana@example.net",
        "topic": "Data",  # the English option, though the visitor read "Données"
        "message": "Hello",
    }
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["office@example.org"] and message.reply_to == ["ana@example.net"]
    assert message.subject == "Website message"
    assert "Language: fr" in message.body and "Your name: Ana Lima" in message.body and "Topic: Data" in message.body


def test_rewording_a_label_keeps_the_stored_names(client, contact):
    fields = factories.contact_fields("es")
    fields[0]["value"]["label"] = "Nombre y apellidos"
    contact.form_fields_es = fields
    english = factories.contact_fields("en")
    english[0]["value"]["label"] = "Full name"
    contact.form_fields_en = english
    contact.save_revision().publish()
    _response, html, _action, _started = drawn_form(client, contact, "es")
    assert '<label for="id_name">Nombre y apellidos' in html
    assert post(client, contact, "es").status_code == 200
    assert set(FormSubmission.objects.get(page=contact).form_data) == {"name", "email", "topic", "message"}


def test_bad_input_answers_with_the_form_its_errors_in_the_visitors_language_and_what_was_typed(client, contact):
    response = post(client, contact, "es", email="not-an-address", message="")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Introduzca una dirección de correo electrónico válida." in html
    assert "Este campo es necesario." in html
    assert 'value="not-an-address"' in html and 'value="Ana Lima"' in html
    assert 'aria-invalid="true"' in html
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_a_filled_honeypot_is_refused(client, contact):
    response = post(client, contact, "pt", website="http://spam.example")
    assert response.status_code == 400
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_a_post_quicker_than_a_person_is_refused(client, contact, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 30
    response = post(client, contact, "en")
    assert response.status_code == 400
    assert "quicker than a person" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_a_forged_or_missing_start_time_is_refused(client, contact):
    _response, _html, action, _started = drawn_form(client, contact, "en")
    assert client.post(action, {**answers(), "form_started": "forged"}).status_code == 400
    assert client.post(action, answers()).status_code == 400
    assert not FormSubmission.objects.exists()


def test_posts_past_the_rate_limit_are_refused_per_address(client, contact, settings):
    settings.PUBLIC_FORM_RATE = "2/h"
    assert post(client, contact, "en").status_code == 200
    assert post(client, contact, "en").status_code == 200
    refused = post(client, contact, "en")
    assert refused.status_code == 429 and refused["Retry-After"]
    assert FormSubmission.objects.count() == 2
    other = client.post(
        drawn_form(client, contact, "en")[2],
        {**answers(), "form_started": drawn_form(client, contact, "en")[3]},
        REMOTE_ADDR="192.0.2.7",
    )
    assert other.status_code == 200  # another address is not held back


def test_the_form_address_takes_only_form_pages_and_redirects_a_get(client, contact, home):
    assert client.get(f"/en/forms/{contact.pk}/").status_code == 302
    assert client.post(f"/en/forms/{home.pk}/", answers()).status_code == 404
    assert client.post(url_in(home, "en"), answers()).status_code == 405  # other pages still only read


def test_submissions_are_exported_as_csv_from_the_admin(admin_client, client, contact):
    post(client, contact, "es", name="Beatriz")
    response = admin_client.get(f"/admin/forms/submissions/{contact.pk}/?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert "Beatriz" in rows[1] and "Data" in rows[1]
