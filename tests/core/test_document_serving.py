"""Documents are served with their file's hash as ETag, whoever created them, and without a
made-up `Content-Encoding: None` header."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.documents.models import Document

from tests.helpers import make_document

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4\n% a working paper\n%%EOF\n"
SHA1 = hashlib.sha1(CONTENT).hexdigest()  # what Wagtail's upload form stores  # noqa: S324


def served(client, document, **headers):
    return client.get(document.url, headers=headers)


def test_documents_made_in_code_get_their_hash():
    assert make_document("Paper", "paper.pdf", CONTENT).file_hash == SHA1
    created = Document.objects.create(title="Brief", file=ContentFile(CONTENT, name="brief.pdf"))
    assert Document.objects.get(pk=created.pk).file_hash == SHA1
    assert Document.objects.get(pk=created.pk).file_size == len(CONTENT)


def test_served_with_its_hash_as_etag_and_no_content_encoding(client):
    document = make_document("Paper", "paper.pdf", CONTENT)
    response = served(client, document)
    assert response.status_code == 200
    assert response["ETag"] == f'"{SHA1}"'
    assert "Content-Encoding" not in response
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == CONTENT

    assert served(client, document, if_none_match='""').status_code == 200
    assert served(client, document, if_none_match='"something-else"').status_code == 200
    assert served(client, document, if_none_match=f'"{SHA1}"').status_code == 304
    assert served(client, document, if_none_match="*").status_code == 304


def test_document_still_without_a_hash_gets_it_when_served(client):
    document = make_document("Paper", "paper.pdf", CONTENT)
    Document.objects.filter(pk=document.pk).update(file_hash="")  # as the demo content left them
    response = served(client, document, if_none_match='""')
    assert response.status_code == 200
    assert response["ETag"] == f'"{SHA1}"'
    assert Document.objects.get(pk=document.pk).file_hash == SHA1


def test_document_whose_file_is_missing_is_a_404_not_a_304(client):
    document = make_document("Paper", "paper.pdf", CONTENT)
    Document.objects.filter(pk=document.pk).update(file_hash="")
    document.file.storage.delete(document.file.name)
    response = served(client, document, if_none_match='""')
    assert response.status_code == 404
    assert "ETag" not in response


def test_migration_fills_the_hash_of_older_documents():
    with_hash = make_document("Paper", "paper.pdf", CONTENT)
    without = make_document("Brief", "brief.pdf", b"%PDF-1.7\nbrief\n%%EOF\n")
    missing = make_document("Gone", "gone.pdf", CONTENT)
    Document.objects.filter(pk__in=[without.pk, missing.pk]).update(file_hash="", file_size=None)
    missing.file.storage.delete(missing.file.name)

    loader = MigrationLoader(connection)
    migration = loader.get_migration("core", "0004_document_file_hashes")
    state = loader.project_state(("core", "0004_document_file_hashes"))
    migration.operations[0].code(state.apps, None)  # data only: no schema editor needed

    hashes = dict(Document.objects.values_list("title", "file_hash"))
    assert hashes["Paper"] == with_hash.file_hash == SHA1
    assert hashes["Brief"] == hashlib.sha1(b"%PDF-1.7\nbrief\n%%EOF\n").hexdigest()  # noqa: S324
    assert hashes["Gone"] == ""  # nothing to hash; served as a 404
    assert Document.objects.get(pk=without.pk).file_size == len(b"%PDF-1.7\nbrief\n%%EOF\n")


@pytest.fixture
def nginx_sends_documents(settings):
    """Production with DOCUMENTS_X_ACCEL_REDIRECT set (wiegosite.settings.production)."""
    from wagtail.utils.sendfile import _get_sendfile

    settings.SENDFILE_BACKEND = "core.document_sendfile"
    settings.DOCUMENTS_X_ACCEL_REDIRECT = "/_documents/"
    _get_sendfile.clear()  # Wagtail keeps the backend it loaded first
    yield
    _get_sendfile.clear()


def test_in_production_nginx_sends_the_file_after_the_checks(client, nginx_sends_documents):
    document = make_document("Paper", "paper.pdf", CONTENT)
    response = served(client, document)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_documents/" + document.file.name.removeprefix("documents/")
    assert response.content == b""
    assert response.get("Content-Length", "0") == "0"  # the empty answer's, not the file's
    assert response["Content-Type"] == "application/pdf"
    assert response["ETag"] == f'"{SHA1}"'
    assert "private" in response["Cache-Control"]
