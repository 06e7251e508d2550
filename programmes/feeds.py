"""RSS 2.0 and Atom feeds of everything related to a programme, in the language of the address."""

from django.http import Http404
from wagtail.models import Page

from core.feeds import CANDIDATES, PageFeed, in_language
from programmes.models import ProgrammePage


class ProgrammeFeed(PageFeed):
    def get_object(self, request, pk, *args, **kwargs):
        programme = ProgrammePage.objects.live().public().filter(pk=pk).first()
        if programme is None:
            raise Http404("No such programme")
        return programme

    def items(self, obj):
        ids = list(obj.related_pages().values_list("pk", flat=True)[:CANDIDATES])
        specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        return in_language(specific[pk] for pk in ids if pk in specific)


def programme_feed(request, pk, fmt):
    return ProgrammeFeed()(request, pk=pk, fmt=fmt)
