"""The contact page: a form editors build in four languages, whose submissions are stored in the
admin (Forms, with CSV export) and e-mailed to the addresses set on the page."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.models import BasePage
from core.public_forms import rate_limited
from languages import SOURCE_LANGUAGE

from .blocks import FormFieldBlock
from .forms import ContactFormBuilder, form_fields


class ContactPage(BasePage, AbstractEmailForm):
    """A contact form. Its fields are a translated stream (contact.forms explains how their stored
    names stay fixed); it is posted to core.public_forms.serve_form_page, never cached."""

    type_label = _("Contact form")
    accepts_submissions = True  # core.public_forms.serve_form_page takes its posts

    intro = models.TextField(_("introduction"), blank=True)
    form_fields = StreamField([("field", FormFieldBlock())], blank=True, verbose_name=_("form fields"))
    thank_you_text = RichTextField(_("thank-you text"), blank=True, help_text=_("Shown after the form has been sent."))

    form_builder = ContactFormBuilder
    main_text_fields = ("intro",)
    subpage_types = []
    template = "contact/contact_page.html"
    landing_page_template = "contact/contact_page_landing.html"

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("form_fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail sent for each submission"),
        ),
        MultiFieldPanel(BasePage.listing_panels, heading=_("Listing")),
    ]

    class Meta:
        verbose_name = _("contact page")

    # -- the form --------------------------------------------------------------------------------
    @property
    def submit_url(self):
        return reverse("public_form_submit", args=[self.pk])

    def get_form_fields(self):
        return form_fields(self, get_language())

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if rate_limited(request, f"contact:{self.pk}"):
                response = self._render_form(request, self.get_form(request.POST, page=self, user=request.user))
                response.context_data["rate_limited"] = True
                response.status_code = 429
                response["Retry-After"] = "3600"
                return self._private(response)
            form = self.get_form(request.POST, page=self, user=request.user)
            if form.is_valid():
                submission = self.process_form_submission(form)
                return self._private(self.render_landing_page(request, submission, *args, **kwargs))
            response = self._render_form(request, form)
            response.status_code = 400
            return self._private(response)
        return self._private(self._render_form(request, self.get_form(page=self, user=request.user)))

    def _render_form(self, request, form):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)

    @staticmethod
    def _private(response):
        # The form carries a CSRF token and answers to one visitor: never kept by a cache.
        add_never_cache_headers(response)
        return response

    def render_email(self, form):
        """The submission as staff read it: English labels and options, whatever the visitor's
        language, which is named first."""
        labels = {field.clean_name: field.label for field in form_fields(self, SOURCE_LANGUAGE)}
        lines = [f"Language: {get_language()}"]
        for name, value in form.cleaned_data.items():
            lines.append(f"{labels.get(name, name)}: {value}")
        return "\n".join(lines)

    def send_mail(self, form):
        reply_to = [form.cleaned_data["email"]] if form.cleaned_data.get("email") else []
        EmailMessage(
            subject=self.subject or str(self.title),
            body=self.render_email(form),
            from_email=self.from_address or settings.DEFAULT_FROM_EMAIL,
            to=[address.strip() for address in self.to_address.split(",") if address.strip()],
            reply_to=reply_to,
        ).send()
