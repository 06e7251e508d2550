from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from . import lockouts


@hooks.register("register_admin_urls")
def urls():
    return [
        path("sign-in/lockouts/", lockouts.lockouts_view, name="staff_login_lockouts"),
        path("sign-in/lockouts/<int:pk>/unlock/", lockouts.unlock_view, name="staff_login_unlock"),
    ]


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return AdminOnlyMenuItem(_("Sign-in lockouts"), reverse("staff_login_lockouts"), icon_name="lock", order=900)
