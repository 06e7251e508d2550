"""The site while a service it depends on is down, run as in production: gunicorn with the
production settings in front of a PostgreSQL cluster and a redis-server of the tests' own (in a
temporary directory, on spare ports; the shared servers are never touched), stopped and started
mid-test. They start once for the module and each test leaves them running. Without the
PostgreSQL binaries (CI has them) the tests fail, saying so, rather than skip."""

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
# PG_BIN if set, else the newest Debian-packaged PostgreSQL (CI has 15).
INITDBS = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: int(path.parts[-3]))
PG_BIN = Path(os.environ.get("PG_BIN") or (INITDBS[-1].parent if INITDBS else "/usr/lib/postgresql/15/bin"))
# What the reverse proxy adds to every request it forwards (production redirects plain HTTP).
THROUGH_PROXY = {"X-Forwarded-Proto": "https"}
# The 503 page's heading in each language.
UNAVAILABLE = {
    "en": "Temporarily unavailable",
    "es": "Temporalmente no disponible",
    "fr": "Momentanément indisponible",
    "pt": "Temporariamente indisponível",
}

pytestmark = pytest.mark.slow


def spare_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(ready, what, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.1)
    pytest.fail(f"{what} did not come up within {seconds} s")


class PostgresCluster:
    """A cluster in `directory`, run as the postgres user when the tests run as root (PostgreSQL
    refuses to run as root), stopped with `pg_ctl stop -m fast` as in a restart: every open
    connection is cut."""

    def __init__(self, directory):
        missing = [tool for tool in ("initdb", "pg_ctl", "createdb") if not (PG_BIN / tool).exists()]
        if missing:
            pytest.fail(
                f"PostgreSQL's {', '.join(missing)} not found in {PG_BIN}: install PostgreSQL's server "
                "(make server-deps; Debian: postgresql) or point PG_BIN at its bin directory."
            )
        self.directory = directory
        self.data = directory / "data"
        self.port = spare_port()
        directory.mkdir()
        self.as_owner = []
        if os.geteuid() == 0:
            shutil.chown(directory, "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
        self.running = False

    def _run(self, tool, *args):
        result = subprocess.run(
            [*self.as_owner, PG_BIN / tool, *map(str, args)], capture_output=True, text=True, check=False
        )
        if result.returncode:
            pytest.fail(f"{tool} failed:\n{result.stdout}\n{result.stderr}")

    def start(self):
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", self.data, "-l", self.directory / "log", "-o", options, "-w", "start")
        self.running = True

    def stop(self):
        if self.running:
            self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
        self.running = False

    def create_database(self, name):
        self._run("createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", name)

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


class RedisServer:
    """A redis-server that keeps nothing on disk."""

    def __init__(self, directory):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            pytest.fail("redis-server not found: install it (make server-deps; Debian: redis-server).")
        self.directory = directory
        self.port = spare_port()
        self.process = None
        directory.mkdir()

    def start(self):
        arguments = ["--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        with open(self.directory / "log", "a") as log:
            self.process = subprocess.Popen(
                [self.binary, *arguments, "--dir", str(self.directory)], stdout=log, stderr=subprocess.STDOUT
            )
        wait_until(lambda: self.command("PING") == "+PONG", "redis-server")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None

    def command(self, name):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=2) as connection:
                connection.sendall(name.encode() + b"\r\n")
                return connection.recv(64).decode().strip()
        except OSError:
            return None

    def keys(self):
        return int(self.command("DBSIZE").lstrip(":"))


class AppServer:
    """gunicorn with the production settings and two workers, logging to a file."""

    def __init__(self, env, log, workers=2):
        self.env = env
        self.log = log
        self.workers = workers
        self.port = spare_port()
        self.process = None

    def start(self):
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "wiegosite.wsgi",
            "-b",
            f"127.0.0.1:{self.port}",
            "-w",
            self.workers,
        ]
        with open(self.log, "a") as log:
            options = {"cwd": ROOT, "env": self.env, "stdout": log, "stderr": subprocess.STDOUT}
            self.process = subprocess.Popen(list(map(str, command)), start_new_session=True, **options)

        def answers():
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn stopped:\n{self.log_text()[-3000:]}")
            try:
                self.get("/robots.txt")
            except OSError:
                return False
            return True

        wait_until(answers, "gunicorn")

    def stop(self):
        if self.process is not None:
            # The whole process group at once: gunicorn's own shutdown takes seconds.
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(20)
            self.process = None

    def get(self, path, headers=THROUGH_PROXY):
        # A timeout instead of a hang if the site waits on a dead server.
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
            return SimpleNamespace(status=response.status, headers=response.headers, text=text)
        finally:
            connection.close()

    def statuses(self, paths, rounds=2):
        """The status of each path, asked `rounds` times so that each worker answers."""
        return {path: sorted({self.get(path).status for _round in range(rounds)}) for path in paths}

    def log_text(self):
        return self.log.read_text(errors="replace")


# Run in a fresh interpreter with the servers' environment: the tables straight from the models
# (replaying every migration takes 30 s) plus the root page and collection the migrations make,
# and a small site: home page, library, a publication with a cover picture (renditions).
BUILD_SITE = """
import json

import django

django.setup()

from django.conf import settings
from django.apps import apps
from django.core.management import call_command

settings.MIGRATION_MODULES = {app.label: None for app in apps.get_app_configs()}
call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)

from django.utils import translation
from wagtail.models import Collection, Locale, Page

from core.modeltranslation_overrides import fill_page_language_columns
from tests import factories
from tests.helpers import make_image

Locale.objects.create(language_code="en")
Page.add_root(title="Root", slug="root")
Collection.add_root(name="Root")
fill_page_language_columns()
home = factories.HomePageFactory(name="Home", slug_en="home")
library = factories.PublicationIndexPageFactory(parent=home, name="Library")
publication = factories.PublicationPageFactory(parent=library, name="Working Paper", cover_image=make_image())
paths = []
for language in ("en", "es"):
    with translation.override(language):
        paths += [home.url, library.url, publication.url]
print(json.dumps(paths))
"""


@pytest.fixture(scope="module")
def servers():
    # In memory when there is room: deleting a cluster's freshly written files from disk takes
    # seconds while the data is still being written back. (mkdtemp makes a private directory.)
    in_memory = Path("/dev/shm")  # noqa: S108
    memory = in_memory.is_dir() and shutil.disk_usage(in_memory).free > 1024**3
    directory = Path(tempfile.mkdtemp(prefix="wiego-outages-", dir=in_memory if memory else None))
    directory.chmod(0o755)  # the postgres user works inside it
    stack = SimpleNamespace(database=None, redis=None, app=None, directory=directory)
    collecting = None
    try:
        stack.database = PostgresCluster(directory / "postgres")
        stack.redis = RedisServer(directory / "redis")
        unset = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "DEBUG", "PYTHONPATH"}
        stack.env = {
            **{key: value for key, value in os.environ.items() if key not in unset},
            "DJANGO_SETTINGS_MODULE": "wiegosite.settings.production",
            "PYTHONPATH": str(ROOT),
            "SECRET_KEY": "outage-tests-only-" + "x" * 40,
            "DATABASE_URL": stack.database.url("site"),
            "REDIS_URL": f"redis://127.0.0.1:{stack.redis.port}/0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "MEDIA_ROOT": str(directory / "media"),
            "STATIC_ROOT": str(directory / "static"),
            "LOG_LEVEL": "WARNING",
        }
        # The static files as production serves them (hashed names), collected meanwhile.
        collecting = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=stack.env
        )
        stack.database.start()
        stack.database.create_database("site")
        stack.redis.start()
        built = subprocess.run(
            [sys.executable, "-c", BUILD_SITE], cwd=ROOT, env=stack.env, capture_output=True, text=True
        )
        if built.returncode:
            pytest.fail(f"building the site failed:\n{built.stderr[-3000:]}")
        stack.pages = json.loads(built.stdout.strip().splitlines()[-1])
        if collecting.wait(60):
            pytest.fail("collectstatic failed (its errors are above)")
        stack.app = AppServer(stack.env, directory / "gunicorn.log")
        stack.app.start()
        yield stack
    finally:
        if collecting is not None and collecting.poll() is None:
            collecting.kill()
        for server in (stack.app, stack.redis, stack.database):
            if server is not None:
                server.stop()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def stack(servers):
    """The servers, each running again after the test whatever it stopped."""
    yield servers
    if servers.redis.process is None:
        servers.redis.start()
    if not servers.database.running:
        servers.database.start()


def all_ok(paths):
    return {path: [200] for path in paths}


def health(app):
    """/health/ as a load balancer asks it: plain HTTP to the app server, no proxy headers."""
    answer = app.get("/health/", headers={})
    is_json = answer.headers["Content-Type"] == "application/json"
    return answer.status, json.loads(answer.text) if is_json else answer.text[:300], answer


# -- Redis ----------------------------------------------------------------------------------


def test_pages_come_from_the_database_while_redis_is_down(stack):
    assert stack.app.statuses(stack.pages) == all_ok(stack.pages)
    assert stack.redis.keys() > 0  # the site does cache in this Redis

    stack.redis.stop()
    logged = len(stack.app.log_text())
    assert stack.app.statuses(stack.pages) == all_ok(stack.pages)
    assert "Exception ignored" in stack.app.log_text()[logged:]  # each failed cache call is logged

    stack.redis.start()
    assert stack.app.statuses(stack.pages) == all_ok(stack.pages)
    assert stack.redis.keys() > 0  # and the cache is used again


# -- PostgreSQL -----------------------------------------------------------------------------


def test_a_database_outage_answers_a_translated_503_and_the_site_recovers_by_itself(stack):
    assert stack.app.statuses(stack.pages) == all_ok(stack.pages)

    stack.database.stop()
    for language, heading in UNAVAILABLE.items():
        for path in [f"/{language}/", *[page for page in stack.pages if page.startswith(f"/{language}/")]]:
            answer = stack.app.get(path)
            assert answer.status == 503, (path, answer.text[:500])
            assert answer.headers["Retry-After"].isdigit()
            assert f'<html lang="{language}">' in answer.text
            assert f"<h1>{heading}</h1>" in answer.text
            assert "Traceback" not in answer.text
            assert "OperationalError" not in answer.text
    # Addresses no page answers: the 404 page reads the database too (menus, site settings).
    for path in ["/de/", "/wp-login.php"]:
        answer = stack.app.get(path)
        assert (answer.status, "Retry-After" in answer.headers) == (503, True), path

    stack.database.start()  # no restart of gunicorn
    assert stack.app.statuses(stack.pages) == all_ok(stack.pages)


def test_an_app_server_started_while_the_database_is_down_serves_once_it_is_up(stack):
    stack.database.stop()
    late = AppServer(stack.env, stack.directory / "late-gunicorn.log", workers=1)
    try:
        late.start()
        answer = late.get("/es/")
        assert answer.status == 503
        assert f"<h1>{UNAVAILABLE['es']}</h1>" in answer.text

        stack.database.start()
        assert late.statuses(stack.pages) == all_ok(stack.pages)
    finally:
        late.stop()


# -- the health endpoint --------------------------------------------------------------------


def test_health_reports_the_database_and_the_cache(stack):
    status, report, answer = health(stack.app)
    # Exactly this: no host names, versions or error text.
    assert (status, report) == (200, {"status": "ok", "database": "ok", "cache": "ok"})
    assert answer.headers["Content-Type"] == "application/json"
    assert "no-store" in answer.headers["Cache-Control"]


def test_health_is_degraded_but_up_while_redis_is_down(stack):
    stack.redis.stop()
    status, report, _answer = health(stack.app)
    assert (status, report) == (200, {"status": "degraded", "database": "ok", "cache": "error"})

    stack.redis.start()
    assert health(stack.app)[:2] == (200, {"status": "ok", "database": "ok", "cache": "ok"})


def test_health_answers_503_while_the_database_is_down(stack):
    stack.database.stop()
    status, report, answer = health(stack.app)
    assert (status, report) == (503, {"status": "error", "database": "error", "cache": "ok"})
    assert "no-store" in answer.headers["Cache-Control"]

    stack.database.start()
    assert health(stack.app)[:2] == (200, {"status": "ok", "database": "ok", "cache": "ok"})
