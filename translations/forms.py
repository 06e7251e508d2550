from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core import query_strings

from . import report
from .models import Status, TranslatedObject


class StatusFilterForm(forms.Form):
    """The report's filters, read from the query string."""

    TITLE_FILTER_LENGTH = 100
    # Query parameters that were renamed, old → new: bookmarks of the report made before still work.
    RENAMED_PARAMETERS = {"kind": "type"}

    language = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any")), *Status.choices])
    section = forms.ModelChoiceField(
        label=_("Section"), required=False, queryset=Page.objects.none(), empty_label=_("Any")
    )
    content_type = forms.ModelChoiceField(
        label=_("Type"), required=False, queryset=ContentType.objects.none(), empty_label=_("Any")
    )
    type = forms.ChoiceField(
        label=_("Page, snippet or image"),
        required=False,
        choices=[("", _("Any")), *TranslatedObject.ObjectType.choices],
    )
    live_differs = forms.BooleanField(label=_("Live version differs"), required=False)
    q = forms.CharField(label=_("Title contains"), required=False, max_length=TITLE_FILTER_LENGTH)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            for old, new in self.RENAMED_PARAMETERS.items():
                if old in data and new not in data:
                    data[new] = data[old]
            if "q" in data:
                data["q"] = query_strings.clean_free_text(data["q"], self.TITLE_FILTER_LENGTH)[0]
        super().__init__(data, *args, **kwargs)
        self.fields["language"].choices = [("", _("Any")), *report.language_names().items()]
        self.fields["section"].queryset = report.section_choices()
        self.fields["section"].label_from_instance = lambda page: page.draft_title
        types = report.type_choices()
        self.fields["content_type"].queryset = ContentType.objects.filter(pk__in=[t.pk for t in types])
        self.fields["content_type"].label_from_instance = report.type_label

    def values(self):
        """The valid filters (an invalid value is reported and ignored, never a 500)."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}
