"""Forms the public may post (contact, newsletter, suggestions): where they post to, and the spam
defences they share, which need no third-party service.

The public site only reads (wiegosite.middleware.ReadOnlyPublicSiteMiddleware answers 405 to a
POST anywhere else), so a view that takes a public form says so with `@takes_public_posts`.
A form page (a page type with `accepts_submissions = True`) is posted to its own address under
`/<language>/forms/<page id>/` (`serve_form_page`), which runs Wagtail's page checks (privacy
restrictions) and then the page's own `serve`.

The defences, in `SpamDefenceMixin` and `rate_limited`:
- a honeypot field that people never see or fill (hidden by CSS, skipped by keyboard and screen
  readers) and that form-filling bots do;
- a minimum fill time: the form carries the time it was drawn, signed, and a post that comes back
  sooner than `PUBLIC_FORM_MIN_SECONDS` is refused (an expired or forged stamp too);
- a limit of `PUBLIC_FORM_RATE` posts per client address and form (django-ratelimit, counted in
  the cache; the address is the real client's behind trusted proxies).
A refused post is answered with the form, what was typed kept, and a message in the visitor's
language; nothing is stored or sent.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from wagtail import hooks
from wagtail.models import Page

from core.client_address import client_address

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"
_SALT = "core.public_forms.started"


def takes_public_posts(view):
    """Mark a public view as one that takes a POST (read by ReadOnlyPublicSiteMiddleware)."""
    view.takes_public_posts = True
    return view


class SpamRefused(forms.ValidationError):
    pass


class SpamDefenceMixin(forms.Form):
    """Adds the honeypot and the signed start time to a form; `clean()` refuses a post that
    fills the honeypot or comes back too soon. Mixed into Wagtail's form builder's forms and into
    plain Django forms alike."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[STARTED_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=signing.dumps(time.time(), salt=_SALT)
        )
        # The bound form draws a fresh stamp too, so a form shown again with its errors can be
        # sent again straight away.
        if self.is_bound:
            self.data = self.data.copy()
            self.started_value = self.data.get(STARTED_FIELD, "")
            self.data[STARTED_FIELD] = signing.dumps(time.time(), salt=_SALT)

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise SpamRefused(_("Your message could not be sent. Please try again."), code="honeypot")
        try:
            started = signing.loads(getattr(self, "started_value", ""), salt=_SALT, max_age=24 * 3600)
        except signing.BadSignature:
            raise SpamRefused(
                _("This form was open too long or could not be checked. Please send it again."), code="stamp"
            ) from None
        if time.time() - float(started) < settings.PUBLIC_FORM_MIN_SECONDS:
            raise SpamRefused(
                _("That was quicker than a person can fill in this form. Please check it and send it again."),
                code="too_fast",
            )
        cleaned.pop(HONEYPOT_FIELD, None)
        cleaned.pop(STARTED_FIELD, None)
        return cleaned


def rate_limited(request, group):
    """True when this client has posted to `group` more than PUBLIC_FORM_RATE allows (and count
    this post)."""
    return is_ratelimited(
        request,
        group=group,
        key=lambda _group, request: client_address(request) or "unknown",
        rate=settings.PUBLIC_FORM_RATE,
        method="POST",
        increment=True,
    )


@takes_public_posts
def serve_form_page(request, pk):
    """A form page's submissions: Wagtail's checks, then the page's own `serve`."""
    page = get_object_or_404(Page.objects.live(), pk=pk).specific
    if not getattr(page, "accepts_submissions", False):
        raise Http404
    if request.method != "POST":
        return HttpResponseRedirect(page.get_url(request=request))
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, [], {})
        if result is not None:
            return result
    return page.serve(request)
