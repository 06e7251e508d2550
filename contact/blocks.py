"""The contact form's field block: what an editor sets for each field."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

FIELD_TYPES = [
    ("singleline", _("Single line text")),
    ("multiline", _("Multi-line text")),
    ("email", _("Email")),
    ("url", _("URL")),
    ("number", _("Number")),
    ("checkbox", _("Checkbox")),
    ("dropdown", _("Drop down")),
    ("radio", _("Radio buttons")),
]


class FormFieldBlock(blocks.StructBlock):
    # Not text a translator writes (a RegexBlock is not a CharBlock): the stored name stays put.
    name = blocks.RegexBlock(
        regex=r"^[a-z][a-z0-9_]{0,49}$",
        label=_("stored name"),
        help_text=_(
            "The name the answer is stored and exported under (lower-case letters, digits and _). "
            "Keep it once submissions exist: labels may change, this may not."
        ),
        error_messages={"invalid": _("Use lower-case letters, digits and _, starting with a letter.")},
    )
    field_type = blocks.ChoiceBlock(choices=FIELD_TYPES, default="singleline", label=_("field type"))
    label = blocks.CharBlock(label=_("label"), max_length=255)
    help_text = blocks.CharBlock(label=_("help text"), required=False, max_length=255)
    required = blocks.BooleanBlock(label=_("required"), required=False, default=True)
    choices = blocks.TextBlock(
        label=_("options"), required=False, help_text=_("For drop downs and radio buttons: one option per line.")
    )

    class Meta:
        icon = "form"
        label = _("Field")
        template = "blocks/form_field.html"
