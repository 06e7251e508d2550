"""The header and footer navigation set in Site settings, for the page templates.

The settings hold the linked pages' ids (two StreamFields of page choosers), and the settings row is
read once per request anyway (the footer shows its text), so both navigations together cost one
query: the live, public pages among those ids, read once per request.
"""

from wagtail.models import Page

from core.models import SiteSettings

PARTS = ("header", "footer")


def _ids(stream):
    return [block["value"] for block in stream.raw_data if block.get("type") == "page" and block.get("value")]


def linked_pages(request):
    """{"header": [pages], "footer": [pages]}: the live, public pages linked from Site settings."""
    if request is None:
        return {part: [] for part in PARTS}
    found = getattr(request, "_site_navigation", None)
    if found is None:
        site_settings = SiteSettings.for_request(request)
        ids = {part: _ids(getattr(site_settings, f"{part}_links")) for part in PARTS}
        wanted = {pk for part_ids in ids.values() for pk in part_ids}
        pages = Page.objects.filter(pk__in=wanted).live().public().in_bulk() if wanted else {}
        found = {part: [pages[pk] for pk in part_ids if pk in pages] for part, part_ids in ids.items()}
        request._site_navigation = found
    return found
