"""Lockout after repeated failed sign-ins (django-axes, settings AXES_*): what a locked-out
person is told, and the superusers' screen that lists current lockouts and lifts them.

django-axes counts failures per username *and* client address (AXES_LOCKOUT_PARAMETERS), so a
lockout stops guessing from one address without keeping the real person, elsewhere, out."""

import logging

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)


def locked_out(request, original_response=None, credentials=None):
    """The answer to a sign-in attempt while locked out (AXES_LOCKOUT_CALLABLE): 429 Too Many
    Requests, which says "too many attempts, come back later", with Retry-After."""
    cool_off = settings.AXES_COOLOFF_TIME
    # render(), not a TemplateResponse: django-axes answers from its middleware, after the view.
    response = render(
        request,
        "staff_login/locked_out.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": int(cool_off.total_seconds() // 60)},
        status=429,
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


def current_attempts():
    """Failed sign-ins still counted (within the cool-off time), locked ones first."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(attempt_time__gte=since).order_by("-failures_since_start", "-attempt_time")
    for attempt in attempts:
        attempt.locked = attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT
        attempt.locked_until = attempt.attempt_time + settings.AXES_COOLOFF_TIME
    return attempts


def _require_superuser(request):
    if not request.user.is_superuser:
        raise PermissionDenied


def lockouts_view(request):
    _require_superuser(request)
    return TemplateResponse(
        request,
        "staff_login/lockouts.html",
        {
            "attempts": current_attempts(),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
    )


@require_POST
def unlock_view(request, pk):
    _require_superuser(request)
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    # Every record of the pair (django-axes keeps one per browser and counts their maximum).
    AccessAttempt.objects.filter(username=attempt.username, ip_address=attempt.ip_address).delete()
    logger.warning(
        "Sign-in lockout of %r from %s lifted by %s", attempt.username, attempt.ip_address, request.user.get_username()
    )
    messages.success(
        request,
        _("%(username)s can sign in again from %(address)s.")
        % {"username": attempt.username, "address": attempt.ip_address},
    )
    return redirect("staff_login_lockouts")
