"""The "Translation" tab of the page editor: this page's status, field by field."""

from django.utils.translation import gettext as _
from wagtail.admin.panels import Panel

from . import permissions, report
from .models import TranslatedObject


class TranslationStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "translations/panels/status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            item = None
            if self.instance is not None and self.instance.pk:
                item = TranslatedObject.objects.filter(page_id=self.instance.pk).select_related("content_type").first()
            context["item"] = item
            context["languages"] = report.language_names()
            context["next"] = self.request.get_full_path() if self.request else ""
            if item is not None:
                obj, rows = report.field_rows(item)
                context["rows"] = rows
                marks = report.outdated_marks(obj, rows)
                if marks:
                    context["outdated_marks"] = {
                        "badge": _("Out of date"),
                        "description": _("The English changed after this translation was made."),
                        "marks": marks,
                    }
                context["summary"] = report.summary(item)
                context["writable"] = permissions.writable_languages(self.request.user) if self.request else []
            return context
