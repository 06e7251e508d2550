"""The contact form as a person uses it in Chromium, with and without JavaScript: a mistake comes
back with the errors in the visitor's language and what was typed kept; a good message is stored
and e-mailed."""

import pytest

from tests.helpers import outside_event_loop


def submissions():
    from wagtail.contrib.forms.models import FormSubmission

    return list(FormSubmission.objects.order_by("pk").values_list("form_data", flat=True))


def outbox():
    from django.core import mail

    return list(getattr(mail, "outbox", []))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_visitor_sends_the_contact_form_in_spanish(demo_site, open_page, javascript):
    before, mails_before = outside_event_loop(submissions), len(outbox())
    page = open_page("phone", javascript=javascript)
    page.goto(demo_site.url("contact", "es"))
    name = f"Rosa {'con' if javascript else 'sin'} JavaScript"
    page.get_by_label("Su nombre").fill(name)
    page.get_by_label("Su correo electrónico").fill("rosa@@example")
    page.get_by_label("Tema").select_option(label="Publicaciones y datos")
    page.get_by_role("button", name="Enviar").click()

    # The mistake: the form again, the errors in Spanish, what was typed kept.
    alert = page.get_by_role("alert")
    assert "Corrija lo siguiente" in alert.inner_text()
    assert "Introduzca una dirección de correo electrónico válida." in alert.inner_text()
    assert "Este campo es necesario." in page.locator(".public-form__field--error").last.inner_text()
    assert page.get_by_label("Su nombre").input_value() == name
    assert outside_event_loop(submissions) == before

    page.get_by_label("Su correo electrónico").fill("rosa@example.net")
    page.get_by_label("Su mensaje").fill("¿Tienen datos sobre vendedoras ambulantes en Lima?")
    page.get_by_role("button", name="Enviar").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Gracias"
    assert "Gracias por escribirnos" in page.get_by_role("status").inner_text()

    stored = outside_event_loop(submissions)
    assert len(stored) == len(before) + 1
    assert stored[-1]["name"] == name and stored[-1]["topic"] == "Publications and data"
    mails = outbox()[mails_before:]
    assert len(mails) == 1 and mails[0].reply_to == ["rosa@example.net"]
