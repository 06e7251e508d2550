from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkerGroupsConfig(AppConfig):
    name = "worker_groups"
    verbose_name = _("Worker groups")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import tagging

        # The worker-group tag ("Worker group(s):"), PageWorkerGroup, on every page type.
        tagging.register(
            tagging.Taxonomy(
                key="worker_groups",
                relation="worker_group_tags",
                target="worker_group",
                heading=_("Worker group(s):"),
                panel_label=_("Worker groups"),
                panel_heading=_("Worker group(s)"),
                order=15,
            )
        )
