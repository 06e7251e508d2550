"""The contact form's fields as editors write them, in the visitor's language.

The fields are a StreamField translated like any body: the English stream gives the structure (each
field's stored name, type, whether it is required, the English options), and each language's stream
gives the labels, help texts and options a visitor reads, matched by block id (by position when the
block ids differ, as streams typed by hand in the admin may). So a reworded or translated label never
changes the stored name, and stored submissions and their CSV columns stay the same; options are
stored in English whatever the visitor's language.
"""

from dataclasses import dataclass, field

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from core import page_languages
from core.public_forms import SpamDefenceMixin
from languages import SOURCE_LANGUAGE


@dataclass
class FormField:
    """What Wagtail's form builder reads of a field (the attributes of its AbstractFormField)."""

    clean_name: str
    field_type: str
    label: str
    help_text: str = ""
    required: bool = True
    default_value: str = ""
    choices: str = ""
    choice_pairs: list = field(default_factory=list)  # (stored English value, label shown)


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def form_fields(page, language):
    """The page's fields as Wagtail's form builder needs them, with the texts of `language`."""
    english = list(page_languages.field_value(page, "form_fields", SOURCE_LANGUAGE) or [])
    shown = list(page_languages.field_value(page, "form_fields", language) or [])
    by_id = {block.id: block for block in shown}
    found = []
    for position, block in enumerate(english):
        source = block.value
        local = by_id.get(block.id)
        if local is None and position < len(shown) and shown[position].block_type == block.block_type:
            local = shown[position]
        text = local.value if local is not None else source
        options = _lines(source.get("choices"))
        labels = _lines(text.get("choices"))
        if len(labels) != len(options):
            labels = options  # a translation with a different number of options is not used
        found.append(
            FormField(
                clean_name=source["name"],
                field_type=source["field_type"],
                label=text.get("label") or source["label"],
                help_text=text.get("help_text") or source.get("help_text") or "",
                required=source.get("required", False),
                choices="\n".join(options),
                choice_pairs=list(zip(options, labels, strict=True)),
            )
        )
    return found


class ContactFormBuilder(FormBuilder):
    def get_formatted_field_choices(self, field):
        return field.choice_pairs or super().get_formatted_field_choices(field)

    def get_form_class(self):
        return type("ContactForm", (SpamDefenceMixin, BaseForm), self.formfields)
