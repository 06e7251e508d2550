"""Views of the library that are not Wagtail pages."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from . import citations
from .models import PublicationPage


@require_safe
def citation_download(request, pk, fmt):
    """A live, public publication's reference as a BibTeX (.bib) or RIS (.ris) file, in the
    language of the address (/es/... gives the Spanish title when the publication has one)."""
    if fmt not in citations.FORMATS:
        raise Http404("Unknown citation format.")
    page = get_object_or_404(PublicationPage.objects.live().public(), pk=pk)
    reference = citations.reference_for(page, request)
    body, content_type = citations.render(reference, fmt)
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=citations.download_filename(reference, fmt)
    )
    # A reference file is a copy of the page's data, not something to show in search results.
    response["X-Robots-Tag"] = "noindex"
    return response
