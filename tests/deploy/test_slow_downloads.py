"""Slow downloads never hold an app worker: the app server checks the document and hands the
file to nginx (X-Accel-Redirect), so while more slow clients than the stack has workers are
still downloading, pages that need an app server still answer."""

import socket
import uuid

import pytest

pytestmark = pytest.mark.slow

SLOW_CLIENTS = 8  # the stack has 2 app servers x 2 sync workers


@pytest.fixture(scope="module")
def large_document(stack):
    return stack.shell(
        """
        from django.core.files.base import ContentFile
        from wagtail.documents import get_document_model
        document = get_document_model()(title="A large report")
        document.file.save("large-report.pdf", ContentFile(b"%PDF-1.4\\n" + b"0" * 30_000_000 + b"\\n%%EOF\\n"))
        print(document.url)
        """
    ).splitlines()[-1]


def slow_client(stack, path):
    """A client that asks for `path` and then reads almost nothing (a tiny receive window)."""
    client = socket.socket()
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    client.settimeout(30)
    client.connect(("127.0.0.1", stack.port))
    client.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{stack.port}\r\n\r\n".encode())
    assert client.recv(1024).startswith(b"HTTP/1.1 200")
    return client


def test_the_app_server_hands_the_file_to_nginx(stack, large_document):
    direct = stack.get(large_document, port=stack.stack.ports["app1"])
    assert direct.status == 200
    assert direct.headers["X-Accel-Redirect"].startswith("/_documents/")
    assert direct.body == b""
    through_proxy = stack.get(large_document)
    assert through_proxy.status == 200
    assert through_proxy.body.startswith(b"%PDF-1.4")
    assert len(through_proxy.body) > 30_000_000


def test_slow_downloads_do_not_hold_the_app_workers(stack, large_document):
    clients = [slow_client(stack, large_document) for _client in range(SLOW_CLIENTS)]
    try:
        for _round in range(6):  # uncached: each needs an app worker
            assert stack.get(f"/en/search/?q={uuid.uuid4().hex}").status == 200
        assert stack.get("/en/").status == 200
    finally:
        for client in clients:
            client.close()
