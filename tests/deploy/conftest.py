"""The production stack (scripts/prod.py) started once for all the tests of this folder, in a
run directory of its own on spare ports: Varnish, nginx, two gunicorn app servers with the
production settings, PostgreSQL, Redis and the scheduler, with the demo content.

The tests talk to it as visitors do (HTTP through Varnish) and change content as the site's own
code does, in `manage.py shell` against the stack's database (`stack.shell`). Without Varnish
they are skipped locally (`make prod-deps` installs it) and fail in CI, which must run them.
"""

import http.client
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_prod_script():
    spec = importlib.util.spec_from_file_location("prod_stack", ROOT / "scripts" / "prod.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port_block(size=7):
    """The first port of `size` free consecutive ports (STACK_PORT_BASE chooses them instead)."""
    for _attempt in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1]
        if base + size > 65535:
            continue
        if all(port_free(base + offset) for offset in range(size)):
            return base
    pytest.fail("No block of free ports for the stack")


def port_free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class RunningStack:
    def __init__(self, stack):
        self.stack = stack
        self.port = stack.ports["varnish"]

    def get(self, path, headers=None, port=None, method="GET"):
        connection = http.client.HTTPConnection("127.0.0.1", port or self.port, timeout=30)
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            body = response.read()
            return SimpleNamespace(
                status=response.status, headers=response.headers, text=body.decode(errors="replace"), body=body
            )
        finally:
            connection.close()

    def shell(self, code):
        """Run Python in a Django shell on the stack's database; returns what it printed."""
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", textwrap.dedent(code)],
            cwd=ROOT,
            env=self.stack.env(),
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        if result.returncode:
            pytest.fail(f"manage.py shell failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout.strip()

    def cached(self, path):
        """Fetch `path` until it comes from the cache; returns its text."""
        self.get(path)
        response = self.get(path)
        assert response.status == 200, path
        assert response.headers["X-Cache"] == "HIT", path
        return response.text

    def shows(self, path, text):
        """A check for `eventually`: `path` shows `text` through the proxy."""
        return lambda: text in self.get(path).text

    def page_info(self, slug):
        """{"id", "urls": {language: path}} of the demo page with English slug `slug`."""
        output = self.shell(
            f"""
            import json
            from django.utils import translation
            from wagtail.models import Page
            page = Page.objects.get(slug_en={slug!r}).specific
            urls = {{}}
            for code in ("en", "es", "fr", "pt"):
                with translation.override(code):
                    urls[code] = page.get_url()
            print(json.dumps({{"id": page.pk, "urls": urls}}))
            """
        )
        return json.loads(output.splitlines()[-1])

    def signed_in_cookie(self):
        """A session cookie of the demo's admin, as after signing in."""
        key = self.shell(
            """
            from importlib import import_module
            from django.conf import settings
            from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
            user = get_user_model().objects.get(username="admin")
            session = import_module(settings.SESSION_ENGINE).SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            print(session.session_key)
            """
        )
        return f"sessionid={key}"

    def stop(self, name):
        self.stack.stop_service(name)

    def start(self, name):
        self.stack.start_service(name)

    def eventually(self, check, what, seconds=30):
        """Wait until `check()` is true (purges run beside the publish); no timing is asserted."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.2)
        pytest.fail(f"{what} did not happen within {seconds} s")


@pytest.fixture(scope="session")
def stack():
    module = load_prod_script()
    if shutil.which("varnishd") is None and not Path("/usr/sbin/varnishd").exists():
        message = "Varnish is not installed (make prod-deps)"
        if os.environ.get("CI"):
            pytest.fail(message + ": CI must run the stack tests")
        pytest.skip(message)
    base = int(os.environ.get("STACK_PORT_BASE") or free_port_block())
    run_dir = Path(tempfile.mkdtemp(prefix="wiegosite-stack-"))
    # Scheduled publishing every second, so its test need not wait a minute.
    stack = module.Stack(run_dir, base, scheduler_every="1")
    try:
        stack.start()
        yield RunningStack(stack)
    finally:
        stack.stop()
        shutil.rmtree(run_dir, ignore_errors=True)
