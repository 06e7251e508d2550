from django.apps import AppConfig


class StaffLoginConfig(AppConfig):
    name = "staff_login"
    verbose_name = "Staff sign-in"
