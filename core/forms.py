"""Admin forms of translated pages, snippets and settings (images: core.image_forms).

They run the RESTRICT_ADMIN_FORM hooks (core.extension_points) once the form is built, so an app
above core (the translators' language locks) can make fields read-only for a user. A formset a hook
names in `read_only_formsets` is shown but neither validated nor saved.
"""

from wagtail import hooks
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.forms.pages import WagtailAdminPageForm

from core.extension_points import RESTRICT_ADMIN_FORM


class RestrictableFormMixin:
    def __init__(self, *args, **kwargs):
        user = kwargs.get("for_user") or kwargs.get("user")  # image forms take `user`
        super().__init__(*args, **kwargs)
        self.read_only_formsets = []
        for restrict in hooks.get_hooks(RESTRICT_ADMIN_FORM):
            restrict(self, user)

    def _without_read_only_formsets(self, method, *args, **kwargs):
        if not self.read_only_formsets:
            return method(*args, **kwargs)
        all_formsets = self.formsets
        self.formsets = {name: formset for name, formset in all_formsets.items() if name not in self.read_only_formsets}
        try:
            return method(*args, **kwargs)
        finally:
            self.formsets = all_formsets

    def is_valid(self):
        return self._without_read_only_formsets(super().is_valid)

    def save(self, *args, **kwargs):
        return self._without_read_only_formsets(super().save, *args, **kwargs)


class TranslatedPageForm(RestrictableFormMixin, WagtailAdminPageForm):
    pass


class TranslatedModelForm(RestrictableFormMixin, WagtailAdminModelForm):
    pass
