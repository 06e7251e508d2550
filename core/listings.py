"""Listing helpers every index and listing page shares: pagination and card images."""

from django.core.paginator import Paginator

from core.models.images import SiteImage
from core.proxy_cache import keys


def paginate(request, items, per_page):
    """A page of `items`. A `?page=` value that is not a valid number shows the nearest page."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    page = paginator.page(number)
    keys.pages_listed(page.object_list, getattr(items, "model", None))
    return page


def attach_listing_images(pages, field="listing_image"):
    """Load the listing images (and their renditions) of a list of pages of any types in two
    queries, so a listing costs the same number of queries however many items it shows."""
    model = getattr(pages, "model", None)
    pages = list(pages)
    keys.pages_listed(pages, model)
    ids = {getattr(page, f"{field}_id", None) for page in pages} - {None}
    if not ids:
        return pages
    images = SiteImage.objects.filter(pk__in=ids).prefetch_renditions()
    by_id = {image.pk: image for image in images}
    for page in pages:
        image_id = getattr(page, f"{field}_id", None)
        if image_id in by_id:
            setattr(page, field, by_id[image_id])
    return pages
