from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.widgets.button import Button

from . import lockouts, two_factor_views


@hooks.register("register_admin_urls")
def urls():
    return [
        path("sign-in/lockouts/", lockouts.lockouts_view, name="staff_login_lockouts"),
        path("sign-in/lockouts/<int:pk>/unlock/", lockouts.unlock_view, name="staff_login_unlock"),
        path("sign-in/two-step/", two_factor_views.verify_view, name="staff_login_verify"),
        path("sign-in/two-step/set-up/", two_factor_views.set_up_view, name="staff_login_set_up"),
        path("account/two-step/", two_factor_views.own_settings_view, name="staff_login_two_factor"),
        path("users/<int:user_id>/two-step/reset/", two_factor_views.reset_view, name="staff_login_reset"),
    ]


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return AdminOnlyMenuItem(_("Sign-in lockouts"), reverse("staff_login_lockouts"), icon_name="lock", order=900)


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("staff_login_two_factor"),
        "label": _("Two-step sign-in"),
        "help_text": _("Your authenticator app and backup codes."),
    }


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    if request_user.is_superuser:
        yield Button(_("Reset two-step sign-in"), reverse("staff_login_reset", args=[user.pk]), priority=100)
