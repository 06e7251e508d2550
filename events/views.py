"""The calendar files: one event (.ics to download) and the feed of upcoming events (.ics to
subscribe to), in the language of the address."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.feeds import in_language
from events import calendar_files
from events.models import EventIndexPage, EventPage

# A calendar feed lists what is coming; a subscriber needs no more than this many at a time.
FEED_EVENTS = 200


def _response(body, filename, *, as_attachment):
    response = HttpResponse(body, content_type=calendar_files.CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment=as_attachment, filename=filename)
    # A copy of the pages' data, not something to show in search results.
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def event_calendar_file(request, pk):
    """A live, public event as an .ics file, with its title and text in the address's language."""
    event = get_object_or_404(EventPage.objects.live().public(), pk=pk)
    body = calendar_files.calendar([event], request, name=event.title)
    filename = f"{slugify(event.title)[:60] or 'event'}.ics"
    return _response(body, filename, as_attachment=True)


@require_safe
def calendar_feed(request):
    """Every upcoming event written in the address's language (like the site's other feeds)."""
    index = EventIndexPage.objects.live().public().first()
    if index is None:
        raise Http404("No events page")
    upcoming = index.upcoming_events()[:FEED_EVENTS]
    events = in_language(upcoming, limit=FEED_EVENTS)
    body = calendar_files.calendar(events, request, name=_("WIEGO events"))
    return _response(body, "wiego-events.ics", as_attachment=False)
