from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkerGroupsConfig(AppConfig):
    name = "worker_groups"
    verbose_name = _("Worker groups")
    default_auto_field = "django.db.models.BigAutoField"
