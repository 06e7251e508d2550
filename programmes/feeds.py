"""RSS 2.0 and Atom feeds of everything related to a programme, in the language of the address."""

from django.http import Http404

from core.feeds import CANDIDATES, PageFeed, in_language
from core.tagged_listing import specific_in_order
from programmes.models import ProgrammePage


class ProgrammeFeed(PageFeed):
    def get_object(self, request, pk, *args, **kwargs):
        programme = ProgrammePage.objects.live().public().filter(pk=pk).first()
        if programme is None:
            raise Http404("No such programme")
        return programme

    def items(self, obj):
        return in_language(specific_in_order(obj.related_pages()[:CANDIDATES]))


def programme_feed(request, pk, fmt):
    return ProgrammeFeed()(request, pk=pk, fmt=fmt)
