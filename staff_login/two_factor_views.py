"""The screens of two-step sign-in (staff_login.two_factor): setting up an authenticator app,
entering a code after the password, one's own backup codes, and a superuser's reset of another
person's setup. The first two use the sign-in page's layout: the rest of the admin is closed
until the code is given. Wagtail lets only people who may use the admin reach any of them."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from . import two_factor


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )


def _next_url(request):
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME) or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _wrong_code_message(problem):
    if problem == "wait":
        return _("Too many wrong codes in a row. Wait a minute, then try again.")
    return _("That code is not right. Check that your phone shows the right time, and type the code shown now.")


def _with_next(request, view_name):
    return f"{reverse(view_name)}?{urlencode({REDIRECT_FIELD_NAME: _next_url(request)})}"


@sensitive_post_parameters("code")
def set_up_view(request):
    """Scan the QR code (or type the secret), then prove it with a code: the app is confirmed,
    this session is verified, and ten backup codes are shown once."""
    if two_factor.is_set_up(request.user):
        if request.user.is_verified():
            return redirect("staff_login_two_factor")
        return redirect(_with_next(request, "staff_login_verify"))
    device = two_factor.pending_app_device(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        codes, problem = two_factor.confirm_app_device(device, form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, two_factor.app_device(request.user))
            return TemplateResponse(
                request, "staff_login/backup_codes.html", {"codes": codes, "next": _next_url(request), "first": True}
            )
        form.add_error("code", _wrong_code_message(problem))
    return TemplateResponse(
        request,
        "staff_login/set_up.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_code": two_factor.qr_code_svg(device, _("QR code for your authenticator app")),
            "secret": two_factor.secret_text(device),
            "required": settings.ADMIN_REQUIRE_2FA,
            "issuer": settings.OTP_TOTP_ISSUER,
        },
    )


@sensitive_post_parameters("code")
def verify_view(request):
    """The code after the password: from the authenticator app, or a backup code (used up)."""
    if not two_factor.is_set_up(request.user):
        return redirect(_with_next(request, "staff_login_set_up"))
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device, problem = two_factor.check_code(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = two_factor.backup_codes_left(request.user)
                message = ngettext(
                    "You signed in with a backup code; %(left)s is left. Make new ones in “Two-step sign-in”.",
                    "You signed in with a backup code; %(left)s are left. Make new ones in “Two-step sign-in”.",
                    left,
                )
                messages.warning(request, message % {"left": left})
            return redirect(_next_url(request))
        form.add_error("code", _wrong_code_message(problem))
    return TemplateResponse(
        request,
        "staff_login/verify.html",
        {"form": form, "next": _next_url(request), "issuer": settings.OTP_TOTP_ISSUER},
    )


def own_settings_view(request):
    """One's own two-step sign-in: whether it is set up, how many backup codes are left, new ones."""
    user = request.user
    if request.method == "POST":
        if not two_factor.is_set_up(user):
            return redirect("staff_login_set_up")
        codes = two_factor.new_backup_codes(user)
        return TemplateResponse(
            request, "staff_login/backup_codes.html", {"codes": codes, "next": reverse("staff_login_two_factor")}
        )
    app = two_factor.app_device(user)
    return TemplateResponse(
        request,
        "staff_login/two_factor.html",
        {"app": app, "codes_left": two_factor.backup_codes_left(user), "required": settings.ADMIN_REQUIRE_2FA},
    )


def reset_view(request, user_id):
    """A superuser removes another person's app and backup codes (a lost phone): at their next
    sign-in they set it up again."""
    if not request.user.is_superuser:
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        return _reset(request, person)
    return TemplateResponse(
        request,
        "staff_login/reset_confirm.html",
        {"person": person, "is_set_up": two_factor.is_set_up(person)},
    )


def _reset(request, person):
    two_factor.reset(person, by=request.user.get_username())
    messages.success(
        request,
        _("Two-step sign-in of %(name)s was reset: they set it up again at their next sign-in.")
        % {"name": person.get_username()},
    )
    return redirect("wagtailusers_users:index")
