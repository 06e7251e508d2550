"""The dashboard's "Awaiting your review" panel, with the languages each submission changes.

Wagtail's panel shows the English title only; a moderator cannot tell a Spanish translation from
an English rewrite. This panel is Wagtail's own (same query, same actions) with a "Languages"
cell: the languages whose translated fields in the submitted revision differ from the live page
(every language with text, for a page never published). It reads the revisions and pages
Wagtail's panel already loads, so it adds no query per submission.
"""

import json

from modelcluster.models import get_field_value
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.fields import StreamField

import languages

from . import units


def _comparable(field, value):
    """A stored value (as in a revision's content) in a form that compares equal when the
    text is the same: empty is None; a stream is its blocks without their ids."""
    if isinstance(field, StreamField) and isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list):
        value = [{"type": item.get("type"), "value": item.get("value")} for item in value if isinstance(item, dict)]
    return value or None


def changed_languages(model, content, live):
    """The codes of the languages (English first) whose translated fields differ between a
    revision's content (a dict of stored values) and the live object (`live=None`: never
    published). Reads no further rows."""
    changed = []
    for code in languages.LANGUAGE_CODES:
        for name in units.translated_fields(model):
            column = languages.localized_field(name, code)
            field = model._meta.get_field(column)
            new = _comparable(field, content.get(column))
            old = _comparable(field, get_field_value(field, live)) if live is not None else None
            if new != old:
                changed.append(code)
                break
    return changed


class ReviewPanel(WorkflowObjectsToModeratePanel):
    template_name = "translations/review_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        names = languages.names()
        for state in context["states"]:
            obj = state["obj"]
            if not units.is_tracked(type(obj)):
                continue
            live = obj if getattr(obj, "live", True) else None
            changed = changed_languages(type(obj), state["revision"].content, live)
            state["languages"] = [(code, names[code]) for code in changed]
        return context


def replace_review_panel(request, panels):
    """construct_homepage_panels hook: put this panel in place of Wagtail's."""
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = ReviewPanel()
