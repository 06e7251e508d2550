"""Serving documents: Wagtail's serve view, with a real ETag and no made-up headers.

- Wagtail sends a document's `file_hash` as its ETag. Documents created in code (the demo
  content, scripts) had none, so every document answered `ETag: ""` and a client sending
  `If-None-Match: ""` got a 304 for any of them. Every document now gets its hash when saved
  (`fill_file_metadata`, a pre_save receiver), older ones from a migration, and any still
  without one when it is first served (`before_serve_document`, core.wagtail_hooks).
- Wagtail's sendfile helper sets `Content-Encoding` to the encoding `mimetypes` guesses from
  the file name, which for every allowed extension is None: the header went out as the word
  "None". `serve_document` (routed before Wagtail's document URLs) removes such headers.
- In production nginx sends the file (core.document_sendfile, X-Accel-Redirect): the answer to
  nginx is empty, so it carries no Content-Length of the file.
"""

import logging

from django.http import Http404
from wagtail.documents.views.serve import serve

logger = logging.getLogger("core.documents")


def fill_file_metadata(document) -> None:
    """Set the size and hash of a document's file if it has none (before it is saved)."""
    if document.file_hash or not document.file:
        return
    try:
        document._set_document_file_metadata()  # Wagtail's own: what its upload form calls
    except (OSError, ValueError):
        logger.warning("Document %s: its file %r cannot be read to hash it", document.pk, document.file.name)


def hash_before_serving(document, request):
    """`before_serve_document` hook: a document still without a hash gets one before its ETag is
    computed; one whose file is missing is a 404 rather than an empty ETag."""
    if document.file_hash:
        return None
    try:
        document.get_file_hash()  # computes, stores and returns it
    except (OSError, ValueError) as error:
        raise Http404("The document's file is missing.") from error
    return None


def serve_document(request, document_id, document_filename):
    response = serve(request, document_id, document_filename)
    for header in ("Content-Encoding", "ETag"):
        if response.get(header) in ("None", "", '""', 'W/""'):
            del response[header]
    if response.has_header("X-Accel-Redirect"):
        del response["Content-Length"]  # nginx sets the file's own
    return response
