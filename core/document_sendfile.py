"""Documents handed to nginx: Wagtail's document view (its privacy and collection checks, the
`before_serve_document` hooks) runs on the app server, which then answers at once with an empty
response whose `X-Accel-Redirect` names the file; nginx sends the file itself (internal location
`/_documents/` in deploy/nginx/wiegosite.conf), so a slow download holds an nginx connection,
never a gunicorn worker.

Wagtail's `SENDFILE_BACKEND` setting names this module (production, when
DOCUMENTS_X_ACCEL_REDIRECT is set and media are on local disk); its `sendfile` is what Wagtail's
sendfile helper calls.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse


def sendfile(request, filename, **kwargs):
    documents = (Path(settings.MEDIA_ROOT) / "documents").resolve()
    try:
        relative = Path(filename).resolve().relative_to(documents)
    except ValueError as error:  # never hand out a file outside the documents folder
        raise Http404("Not a document.") from error
    response = HttpResponse()
    response["X-Accel-Redirect"] = settings.DOCUMENTS_X_ACCEL_REDIRECT.rstrip("/") + "/" + quote(relative.as_posix())
    return response
