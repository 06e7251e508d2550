from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import two_factor

# What a person who gave their password but not yet their code may open: the two-step screens,
# signing out, and what those screens load (the admin's JavaScript catalogue and icons).
OPEN_BEFORE_THE_CODE = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "staff_login_verify",
    "staff_login_set_up",
}


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware: someone who may use the admin and signed in with their
    password but has not given a code this session is sent to give one (or, without a device
    while ADMIN_REQUIRE_2FA is on, to set one up) before anything else, public pages included:
    until then the session grants nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not two_factor.uses_admin(user) or user.is_verified():
            return None
        if request.resolver_match.url_name in OPEN_BEFORE_THE_CODE:
            return None
        if two_factor.is_set_up(user):
            target = "staff_login_verify"
        elif settings.ADMIN_REQUIRE_2FA:
            target = "staff_login_set_up"
        else:
            return None
        return redirect(f"{reverse(target)}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}")
