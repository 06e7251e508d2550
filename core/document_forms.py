"""The document form (WAGTAILDOCS_DOCUMENT_FORM_BASE): an upload's content must match its
extension (core.document_files), in the single and the multiple upload views alike. Its size is
limited by Wagtail's own field (WAGTAILDOCS_MAX_UPLOAD_SIZE).

Kept apart from `core.forms` because Wagtail's document forms cannot be imported while models
are still loading.
"""

import os

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from core.document_files import content_problem


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # a new file, not the one already stored
            problem = content_problem(upload, os.path.splitext(upload.name)[1])
            if problem:
                raise ValidationError(problem, code="content_does_not_match_extension")
        return upload
