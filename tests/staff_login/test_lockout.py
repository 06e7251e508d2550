"""Lockout after repeated failed sign-ins, with real POSTs to the admin's sign-in form: five
failures for one username from one client address lock that pair out for an hour (429, a
translated page), other addresses still sign in, the address is the real one behind a trusted
proxy and cannot be forged from elsewhere, and a superuser can lift a lockout."""

import logging

import pytest
from axes.models import AccessAttempt

ATTACKER = "198.51.100.7"
EDITOR_AT_HOME = "203.0.113.9"
PROXY = "127.0.0.1"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("maria", "maria@example.org", "right-password")


def sign_in(client, password, username="maria", **headers):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"}, **headers)


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail_five_times(client, **headers):
    responses = [sign_in(client, f"guess-{number}", **headers) for number in range(5)]
    assert [response.status_code for response in responses] == [200, 200, 200, 200, 429]
    return responses[-1]


@pytest.mark.django_db
def test_the_right_password_signs_in(client, editor):
    assert signed_in(sign_in(client, "right-password", REMOTE_ADDR=EDITOR_AT_HOME))


@pytest.mark.django_db
def test_five_failures_lock_the_username_out_from_that_address(client, editor, caplog):
    caplog.set_level(logging.WARNING, logger="axes")
    locked = fail_five_times(client, REMOTE_ADDR=ATTACKER)
    html = locked.content.decode()
    assert "This account cannot sign in from your address after 5 failed attempts." in html
    assert "Try again in 60 minutes" in html
    assert locked["Retry-After"] == "3600"
    # Now even the right password is refused from there, and nobody is signed in.
    again = sign_in(client, "right-password", REMOTE_ADDR=ATTACKER)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302
    # Each failure is logged with the username and address.
    failures = [record.getMessage() for record in caplog.records if "login failure" in record.getMessage()]
    assert len(failures) >= 5
    assert all("maria" in message and ATTACKER in message for message in failures)


@pytest.mark.django_db
def test_the_lockout_page_is_in_the_visitors_language(client, editor):
    html = fail_five_times(client, REMOTE_ADDR=ATTACKER, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Esta cuenta no puede iniciar sesión desde su dirección tras 5 intentos fallidos." in html
    assert '<html lang="es"' in html


@pytest.mark.django_db
def test_other_addresses_and_other_usernames_are_not_locked(client, editor, django_user_model):
    django_user_model.objects.create_superuser("ana", "ana@example.org", "ana-password")
    fail_five_times(client, REMOTE_ADDR=ATTACKER)
    assert signed_in(sign_in(client, "ana-password", username="ana", REMOTE_ADDR=ATTACKER))
    client.logout()
    assert signed_in(sign_in(client, "right-password", REMOTE_ADDR=EDITOR_AT_HOME))


@pytest.mark.django_db
def test_a_forwarded_address_from_an_untrusted_peer_is_ignored(client, editor, settings):
    """Someone connecting directly cannot pass for another address, to lock its owner out or to
    escape a lockout."""
    settings.TRUSTED_PROXIES = [PROXY]
    fail_five_times(client, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=EDITOR_AT_HOME)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    assert sign_in(client, "right-password", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 429
    assert signed_in(sign_in(client, "right-password", REMOTE_ADDR=EDITOR_AT_HOME))


@pytest.mark.django_db
def test_the_address_forwarded_by_a_trusted_proxy_is_the_clients(client, editor, settings):
    settings.TRUSTED_PROXIES = [PROXY, "10.0.0.0/8"]
    # What the attacker writes into the header stands left of what the proxies appended.
    via_proxies = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{EDITOR_AT_HOME}, {ATTACKER}, 10.1.2.3"}
    fail_five_times(client, **via_proxies)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    # The editor, behind the same proxy, still signs in.
    assert signed_in(sign_in(client, "right-password", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=EDITOR_AT_HOME))


@pytest.mark.django_db
def test_a_superuser_unlocks(client, editor, django_user_model):
    from django.test import Client

    fail_five_times(client, REMOTE_ADDR=ATTACKER)
    lead = Client()
    lead.force_login(django_user_model.objects.create_superuser("lead", "lead@example.org", "x"))
    listing = lead.get("/admin/sign-in/lockouts/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "maria" in html and ATTACKER in html and "Locked until" in html
    attempt = AccessAttempt.objects.get(username="maria")
    response = lead.post(f"/admin/sign-in/lockouts/{attempt.pk}/unlock/", follow=True)
    assert response.status_code == 200
    assert f"maria can sign in again from {ATTACKER}." in response.content.decode()
    assert signed_in(sign_in(client, "right-password", REMOTE_ADDR=ATTACKER))


@pytest.mark.django_db
def test_only_superusers_see_and_lift_lockouts(client, editor, django_user_model):
    from django.contrib.auth.models import Group
    from django.test import Client

    fail_five_times(client, REMOTE_ADDR=ATTACKER)
    attempt = AccessAttempt.objects.get(username="maria")
    moderator = django_user_model.objects.create_user("mo", "mo@example.org", "x")
    moderator.groups.set(Group.objects.filter(name="Moderators"))
    other = Client()
    other.force_login(moderator)
    # Wagtail answers a refusal in the admin with a redirect to the dashboard and a message.
    refused = other.get("/admin/sign-in/lockouts/", follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]
    assert "Sorry, you do not have permission to access this area." in refused.content.decode()
    assert other.post(f"/admin/sign-in/lockouts/{attempt.pk}/unlock/")["Location"] == "/admin/"
    assert AccessAttempt.objects.filter(username="maria").exists()


def test_the_client_address_through_chains_of_proxies(rf, settings):
    from core.client_address import client_address

    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8", "2001:db8::/32"]
    cases = [
        # (REMOTE_ADDR, X-Forwarded-For, the client)
        (ATTACKER, "", ATTACKER),
        (ATTACKER, "10.0.0.1", ATTACKER),  # from an untrusted peer the header counts for nothing
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", f"{EDITOR_AT_HOME}, {ATTACKER}", ATTACKER),
        ("127.0.0.1", f"{ATTACKER}, 10.4.4.4, 10.5.5.5", ATTACKER),
        ("127.0.0.1", "10.4.4.4", "10.4.4.4"),  # only proxies: the farthest one
        ("127.0.0.1", f"{ATTACKER}, not-an-address", "127.0.0.1"),  # garbage next to us: the proxy
        ("::ffff:127.0.0.1", "2001:db8::5, 2a00:1450::1", "2a00:1450::1"),
        ("2001:db8::1", "198.51.100.7", "198.51.100.7"),
    ]
    found = [
        client_address(rf.get("/admin/login/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=header))
        for peer, header, _client in cases
    ]
    assert found == [client for _peer, _header, client in cases]
