"""Two-step sign-in for the admin (django-otp): a time-based code from an authenticator app
(TOTP, RFC 6238) after the password, or one of ten single-use backup codes.

Required of everyone who can reach the admin when `settings.ADMIN_REQUIRE_2FA` is on
(production's default); when it is off, those who set it up are still asked for a code. The
gate is `staff_login.middleware.TwoFactorMiddleware`, the screens `staff_login.two_factor_views`.
"""

import logging
from base64 import b32encode

import segno
from django.db import transaction
from django.utils.safestring import mark_safe
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

BACKUP_CODES = 10
BACKUP_DEVICE_NAME = "backup"


def uses_admin(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def is_set_up(user):
    return user_has_device(user, confirmed=True)


def app_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_app_device(user):
    """The device being set up: its secret stays the same while the person scans it."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)


def secret_text(device):
    """The secret to type in by hand, in groups of four letters."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def qr_code_svg(device, title):
    """The device's otpauth:// address as an inline SVG QR code, made here (nothing is sent to
    another host: the address holds the secret). segno escapes the title; the rest is geometry."""
    svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title=title, svgclass="two-factor__qr")
    return mark_safe(svg)  # noqa: S308


def confirm_app_device(device, token):
    """Confirm a device being set up with a code it shows, and give its owner fresh backup codes.
    Returns (backup codes, None), or (None, reason) as `check_code` does."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            return None, "wait"
        if not device.verify_token("".join(token.split())):
            return None, "wrong"
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return new_backup_codes(device.user), None


def new_backup_codes(user):
    """Replace the user's backup codes with ten new ones, and return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=BACKUP_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__name=BACKUP_DEVICE_NAME).count()


def check_code(user, token):
    """(device, None) when `token` is a current code of the user's app or one of their unused
    backup codes (used up by this), else (None, reason): "wrong" or "wait" (too many wrong codes
    in a row: django-otp makes each try wait longer)."""
    token = "".join(token.split()).lower()
    if not token:
        return None, "wrong"
    # Six digits are an app's code, anything else a backup code: only that device is tried, so a
    # backup code does not count as a wrong app code (each wrong code slows the next try down).
    model = TOTPDevice if token.isdigit() and len(token) <= 8 else StaticDevice
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            allowed, _details = device.verify_is_allowed()
            if not allowed:
                return None, "wait"
            if device.verify_token(token):
                return device, None
    return None, "wrong"


def reset(user, by):
    """Remove every device of `user` (app and backup codes): they set it up again at their next
    sign-in. For a superuser helping someone who lost their phone and their codes."""
    count = 0
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
        count += 1
    logger.warning("Two-step sign-in of %s reset by %s (%d devices removed)", user.get_username(), by, count)
    return count
