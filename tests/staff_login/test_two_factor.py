"""Two-step sign-in for the admin, with real requests: with ADMIN_REQUIRE_2FA on, the password
alone opens nothing; a person with an authenticator app gives its code (or a backup code, once);
a person without one is sent to set it up; a superuser resets a lost setup. With it off,
signing in works as before."""

import re

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_login import two_factor
from tests.helpers import make_user

VERIFY = "/admin/sign-in/two-step/"
SET_UP = "/admin/sign-in/two-step/set-up/"


@pytest.fixture
def required(settings):
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def maria(django_user_model):
    return make_user(django_user_model, "maria", "Editors")


def with_app(user):
    """Give `user` a confirmed authenticator app, as the set-up screen leaves it."""
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return device


def code(device, steps_ahead=0):
    """The code the app shows (`steps_ahead` 30-second steps later: a code is accepted once,
    and the device accepts the next step's code too)."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead):06d}"


def sign_in(client, username="maria"):
    """The password step (make_user's password), as the sign-in form posts it."""
    response = client.post("/admin/login/", {"username": username, "password": "password", "next": "/admin/pages/"})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def is_in_the_admin(client):
    return client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_with_the_setting_off_the_password_is_enough(client, maria):
    assert sign_in(client)["Location"] == "/admin/pages/"
    assert is_in_the_admin(client)


@pytest.mark.django_db
def test_with_the_setting_off_a_person_who_set_it_up_is_still_asked(client, maria):
    with_app(maria)
    sign_in(client)
    assert client.get("/admin/pages/")["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"


@pytest.mark.django_db
def test_a_code_from_the_app_is_needed_after_the_password(client, maria, required, home, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no wait after the wrong code (see the next test)
    device = with_app(maria)
    sign_in(client)
    for path in ("/admin/", "/admin/pages/", f"/admin/pages/{home.pk}/edit/", "/en/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{VERIFY}?next="), path
    page = client.get(f"{VERIFY}?next=/admin/pages/")
    assert page.status_code == 200
    wrong = client.post(VERIFY, {"code": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200 and "That code is not right." in wrong.content.decode()
    assert not is_in_the_admin(client)
    right = client.post(VERIFY, {"code": code(device, steps_ahead=1), "next": "/admin/pages/"})
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert is_in_the_admin(client)
    # Somewhere else the code is needed again: it belongs to the session.
    other = Client()
    sign_in(other)
    assert not is_in_the_admin(other)


@pytest.mark.django_db
def test_wrong_codes_slow_the_next_tries_down(client, maria, required):
    device = with_app(maria)
    sign_in(client)
    client.post(VERIFY, {"code": "000000"})
    too_soon = client.post(VERIFY, {"code": code(device, steps_ahead=1)})
    assert "Too many wrong codes in a row. Wait a minute, then try again." in too_soon.content.decode()
    assert not is_in_the_admin(client)


@pytest.mark.django_db
def test_a_person_without_an_app_sets_one_up(client, maria, required, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no wait after the wrong code
    sign_in(client)
    assert client.get("/admin/pages/")["Location"] == f"{SET_UP}?next=%2Fadmin%2Fpages%2F"
    page = client.get(f"{SET_UP}?next=/admin/pages/")
    html = page.content.decode()
    assert page.status_code == 200
    # The QR code is drawn here, inline; the key can be typed in too.
    assert re.search(r'<svg [^>]*class="two-factor__qr"', html)
    assert "<img" not in html.split('id="main"')[1]
    secret = re.search(r'<code class="two-factor__secret">([A-Z2-7 ]+)</code>', html).group(1)
    # Reloading keeps the same key (it may already be in the app).
    assert secret in client.get(SET_UP).content.decode()
    device = TOTPDevice.objects.get(user=maria, confirmed=False)
    wrong = client.post(SET_UP, {"code": "123456"})
    assert wrong.status_code == 200 and "That code is not right." in wrong.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    done = client.post(SET_UP, {"code": code(device), "next": "/admin/pages/"})
    assert done.status_code == 200
    backup_codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(backup_codes) == 10
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert is_in_the_admin(client)
    # From now on, a code is asked at each sign-in.
    client.logout()
    sign_in(client)
    assert client.get("/admin/pages/")["Location"].startswith(VERIFY)


@pytest.mark.django_db
def test_a_backup_code_works_once(maria, required, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0  # no wait after the used code
    with_app(maria)
    first, second, *_rest = two_factor.new_backup_codes(maria)
    client = Client()
    sign_in(client)
    response = client.post(VERIFY, {"code": first, "next": "/admin/pages/"}, follow=True)
    assert response.status_code == 200
    assert "You signed in with a backup code; 9 are left." in response.content.decode()
    assert is_in_the_admin(client)
    again = Client()
    sign_in(again)
    assert "That code is not right." in again.post(VERIFY, {"code": first}).content.decode()
    assert not is_in_the_admin(again)
    assert again.post(VERIFY, {"code": f" {second.upper()} ", "next": "/admin/pages/"}).status_code == 302
    assert is_in_the_admin(again)


@pytest.mark.django_db
def test_new_backup_codes_replace_the_old_ones(client, maria):
    device = with_app(maria)
    old = two_factor.new_backup_codes(maria)
    sign_in(client)
    client.post(VERIFY, {"code": code(device, steps_ahead=1)})
    page = client.get("/admin/account/two-step/")
    assert "You have 10 unused backup codes." in page.content.decode()
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", client.post("/admin/account/two-step/").content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert two_factor.backup_codes_left(maria) == 10


@pytest.mark.django_db
def test_a_superuser_resets_a_lost_setup(maria, django_user_model, required):
    with_app(maria)
    two_factor.new_backup_codes(maria)
    lead = django_user_model.objects.create_superuser("lead", "lead@example.org", "password")
    lead_device = with_app(lead)
    admin = Client()
    sign_in(admin, "lead")
    admin.post(VERIFY, {"code": code(lead_device, steps_ahead=1)})
    users = admin.get("/admin/users/").content.decode()
    assert f'href="/admin/users/{maria.pk}/two-step/reset/"' in users
    confirm = admin.get(f"/admin/users/{maria.pk}/two-step/reset/")
    assert confirm.status_code == 200 and "This removes the authenticator app and backup codes of maria" in (
        confirm.content.decode()
    )
    done = admin.post(f"/admin/users/{maria.pk}/two-step/reset/", follow=True)
    assert "Two-step sign-in of maria was reset" in done.content.decode()
    assert not two_factor.is_set_up(maria)
    # Maria sets it up again at her next sign-in.
    client = Client()
    sign_in(client)
    assert client.get("/admin/pages/")["Location"].startswith(SET_UP)


@pytest.mark.django_db
def test_only_superusers_reset(maria, django_user_model):
    device = with_app(maria)
    other = make_user(django_user_model, "ed", "Editors")
    client = Client()
    sign_in(client, "ed")
    refused = client.post(f"/admin/users/{maria.pk}/two-step/reset/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert f"/admin/users/{other.pk}/two-step/reset/" not in client.get("/admin/users/").content.decode()


@pytest.mark.django_db
def test_the_screens_in_the_admins_language(django_user_model, required):
    expected = {
        "es": ("Verificación en dos pasos", "Configurar la verificación en dos pasos"),
        "fr": ("Connexion en deux étapes", "Configurer la connexion en deux étapes"),
        "pt": ("Acesso em duas etapas", "Configurar o acesso em duas etapas"),
    }
    for language, (verify_title, set_up_title) in expected.items():
        with_device = make_user(django_user_model, f"app-{language}", "Editors", admin_language=language)
        with_app(with_device)
        client = Client()
        sign_in(client, with_device.username)
        assert f"<h1>{verify_title}</h1>" in client.get(VERIFY).content.decode(), language
        without = make_user(django_user_model, f"new-{language}", "Editors", admin_language=language)
        client = Client()
        sign_in(client, without.username)
        assert f"<h1>{set_up_title}</h1>" in client.get(SET_UP).content.decode(), language


@pytest.mark.django_db
def test_an_operator_resets_from_the_command_line(maria):
    from io import StringIO

    from django.core.management import CommandError, call_command

    with_app(maria)
    two_factor.new_backup_codes(maria)
    out = StringIO()
    call_command("reset_two_step", "maria", stdout=out)
    assert "Two-step sign-in of maria reset (2 devices removed)." in out.getvalue()
    assert not two_factor.is_set_up(maria)
    with pytest.raises(CommandError, match="No user 'nobody'"):
        call_command("reset_two_step", "nobody")
