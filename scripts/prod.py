"""The production stack on one machine, as it runs on several (`make prod`, `make prod-stop`).

    python scripts/prod.py start [--run-dir DIR] [--port-base N] [--only NAME ...]
    python scripts/prod.py stop  [--run-dir DIR] [--only NAME ...]
    python scripts/prod.py status [--run-dir DIR]

Every server is a real one from Debian's packages or PyPI, run as a plain process from a run
directory (default var/prod/, git-ignored) with the configuration files of deploy/ filled in:

    port-base      Varnish: the address visitors use (deploy/varnish/wiegosite.vcl)
    port-base + 1  nginx: static files, media, documents (deploy/nginx/wiegosite.conf)
    port-base + 2  app server 1 (gunicorn, production settings, deploy/gunicorn.conf.py)
    port-base + 3  app server 2, standing for a second machine
    port-base + 4  PostgreSQL (a cluster of its own in the run directory)
    port-base + 5  Redis
    port-base + 6  Varnish's admin port

plus the scheduler (`manage.py run_scheduled_jobs`: scheduled publishing and purge retries). On
servers, systemd runs the same processes (deploy/systemd/). The first start migrates, collects
static files and loads the demo content into the empty database; later starts keep the data.
"""

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
PYTHON = sys.executable
SERVICES = ["postgres", "redis", "app1", "app2", "nginx", "varnish", "scheduler"]
HOST = "127.0.0.1"
SESSION_COOKIE = "sessionid"
STALE_WHILE_REVALIDATE = 60  # seconds; the site's PUBLIC_CACHE_STALE_WHILE_REVALIDATE default


def pg_bin():
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    initdbs = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: int(path.parts[-3]))
    if not initdbs:
        sys.exit("PostgreSQL's server is not installed: run `make prod-deps` (Debian: postgresql).")
    return initdbs[-1].parent


def need(binary):
    path = shutil.which(binary) or next((p for p in (f"/usr/sbin/{binary}",) if Path(p).exists()), None)
    if path is None:
        sys.exit(f"{binary} is not installed: run `make prod-deps`.")
    return path


class Stack:
    def __init__(self, run_dir, port_base=None, scheduler_every=None):
        self.run = Path(run_dir).resolve()
        self.scheduler_every = scheduler_every or env_default("SCHEDULER_EVERY", "60")
        self.pids = self.run / "pids"
        self.logs = self.run / "logs"
        saved = self.run / "port-base"
        if port_base is None:
            port_base = int(saved.read_text()) if saved.exists() else 8080
        self.base = port_base
        self.ports = {
            "varnish": port_base,
            "nginx": port_base + 1,
            "app1": port_base + 2,
            "app2": port_base + 3,
            "postgres": port_base + 4,
            "redis": port_base + 5,
            "varnish-admin": port_base + 6,
        }
        self.address = f"http://{HOST}:{self.ports['varnish']}/"

    # -- settings shared by every Django process ----------------------------------------------
    def env(self):
        secret = self.run / "secret-key"
        if not secret.exists():
            secret.write_text(secrets.token_urlsafe(50))
        public = f"http://{HOST}:{self.ports['varnish']}"
        env = dict(os.environ)
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "wiegosite.settings.production",
                "SECRET_KEY": secret.read_text().strip(),
                "DATABASE_URL": f"postgres://postgres@{HOST}:{self.ports['postgres']}/wiegosite",
                "REDIS_URL": f"redis://{HOST}:{self.ports['redis']}/0",
                "ALLOWED_HOSTS": f"{HOST},localhost",
                "CSRF_TRUSTED_ORIGINS": f"{public},http://localhost:{self.ports['varnish']}",
                "WAGTAILADMIN_BASE_URL": public,
                # No TLS on this machine: the stack serves plain HTTP (a CDN or load balancer
                # terminates TLS in front of Varnish on servers).
                "SECURE_SSL_REDIRECT": "false",
                "SECURE_HSTS_SECONDS": "0",
                "STATIC_ROOT": str(self.run / "static"),
                "MEDIA_ROOT": str(self.run / "media"),
                "PROXY_CACHE_URLS": f"http://{HOST}:{self.ports['varnish']}",
                "DOCUMENTS_X_ACCEL_REDIRECT": "/_documents/",
                "ADMIN_REQUIRE_2FA": env_default("ADMIN_REQUIRE_2FA", "false"),
                "GUNICORN_WORKERS": env_default("GUNICORN_WORKERS", "2"),
                "LOG_LEVEL": env_default("LOG_LEVEL", "WARNING"),
            }
        )
        return env

    # -- configuration files ------------------------------------------------------------------
    def render(self):
        values = {
            "host": f"{HOST}:{self.ports['varnish']}",
            "app1_host": HOST,
            "app1_port": self.ports["app1"],
            "app2_host": HOST,
            "app2_port": self.ports["app2"],
            "files_host": HOST,
            "files_port": self.ports["nginx"],
            "purgers": "",
            "session_cookie": SESSION_COOKIE,
            "stale_while_revalidate": STALE_WHILE_REVALIDATE,
            "static_root": self.run / "static",
            "media_root": self.run / "media",
        }
        (self.run / "varnish").mkdir(parents=True, exist_ok=True)
        (self.run / "nginx").mkdir(parents=True, exist_ok=True)
        fill(DEPLOY / "varnish" / "wiegosite.vcl", self.run / "varnish" / "wiegosite.vcl", values)
        server = fill(DEPLOY / "nginx" / "wiegosite.conf", None, values)
        nginx_dir = self.run / "nginx"
        (nginx_dir / "nginx.conf").write_text(
            "# The stack's nginx, as an unprivileged process; the server block is deploy/nginx/wiegosite.conf.\n"
            "daemon off;\n"
            "worker_processes 1;\n"
            f"pid {nginx_dir / 'nginx.pid'};\n"
            f"error_log {self.logs / 'nginx-error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n"
            "    include /etc/nginx/mime.types;\n"
            "    default_type application/octet-stream;\n"
            "    sendfile on;\n"
            f"    access_log {self.logs / 'nginx-access.log'};\n"
            f"    client_body_temp_path {nginx_dir / 'body'};\n"
            f"    proxy_temp_path {nginx_dir / 'proxy'};\n"
            f"    fastcgi_temp_path {nginx_dir / 'fastcgi'};\n"
            f"    uwsgi_temp_path {nginx_dir / 'uwsgi'};\n"
            f"    scgi_temp_path {nginx_dir / 'scgi'};\n"
            f"{server}\n"
            "}\n"
        )

    # -- processes ----------------------------------------------------------------------------
    def spawn(self, name, command, env=None, cwd=ROOT):
        with open(self.logs / f"{name}.log", "ab") as log:
            process = subprocess.Popen(
                [str(part) for part in command],
                cwd=cwd,
                env=env or os.environ,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        (self.pids / f"{name}.pid").write_text(str(process.pid))
        return process

    def pid(self, name):
        path = self.pids / f"{name}.pid"
        if not path.exists():
            return None
        pid = int(path.read_text())
        try:
            os.kill(pid, 0)
        except OSError:
            return None
        return pid

    def running(self, name):
        if name == "postgres":
            return (self.run / "postgres" / "data" / "postmaster.pid").exists()
        return self.pid(name) is not None

    def as_postgres(self):
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def postgres(self, tool, *args, check=True):
        command = [*self.as_postgres(), pg_bin() / tool, *args]
        result = subprocess.run([str(part) for part in command], capture_output=True, text=True, check=False)
        if check and result.returncode:
            sys.exit(f"{tool} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def start_postgres(self):
        directory = self.run / "postgres"
        data = directory / "data"
        if not data.exists():
            directory.mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(directory, "postgres")
            self.postgres("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8")
        options = f"-p {self.ports['postgres']} -k {directory} -c listen_addresses={HOST}"
        self.postgres("pg_ctl", "-D", data, "-l", directory / "log", "-o", options, "-w", "start")
        exists = self.postgres(
            "psql", "-h", HOST, "-p", self.ports["postgres"], "-U", "postgres", "-Atc",
            "SELECT 1 FROM pg_database WHERE datname = 'wiegosite'",
        )  # fmt: skip
        if exists.stdout.strip() != "1":
            self.postgres("createdb", "-h", HOST, "-p", self.ports["postgres"], "-U", "postgres", "wiegosite")

    def start_service(self, name):
        if self.running(name):
            return
        if name == "postgres":
            self.start_postgres()
        elif name == "redis":
            arguments = ["--port", self.ports["redis"], "--bind", HOST, "--save", "", "--appendonly", "no"]
            self.spawn(name, [need("redis-server"), *arguments, "--dir", self.run])
            wait_for_port(self.ports["redis"], name, self)
        elif name in ("app1", "app2"):
            env = self.env() | {"GUNICORN_BIND": f"{HOST}:{self.ports[name]}", "GUNICORN_ACCESS_LOG": "-"}
            self.spawn(name, [PYTHON, "-m", "gunicorn", "-c", DEPLOY / "gunicorn.conf.py", "wiegosite.wsgi"], env)
            wait_for_http(f"http://{HOST}:{self.ports[name]}/health/", name, self)
        elif name == "nginx":
            directory = self.run / "nginx"
            errors = self.logs / "nginx-error.log"  # before the configuration is read, too
            self.spawn(name, [need("nginx"), "-p", directory, "-c", directory / "nginx.conf", "-e", errors])
            wait_for_port(self.ports["nginx"], name, self)
        elif name == "varnish":
            command = [
                need("varnishd"),
                "-F",
                "-n", self.run / "varnish" / "work",
                "-a", f"{HOST}:{self.ports['varnish']}",
                "-T", f"{HOST}:{self.ports['varnish-admin']}",
                "-f", self.run / "varnish" / "wiegosite.vcl",
                "-s", "malloc,256m",
            ]  # fmt: skip
            if os.geteuid() == 0:
                command += ["-j", "none"]  # no jail user needed for a local, unprivileged-style run
            self.spawn(name, command)
            wait_for_port(self.ports["varnish"], name, self)
        elif name == "scheduler":
            command = [PYTHON, "manage.py", "run_scheduled_jobs", "--every", self.scheduler_every]
            self.spawn(name, command, self.env())

    def stop_service(self, name):
        if name == "postgres":
            data = self.run / "postgres" / "data"
            if (data / "postmaster.pid").exists():
                self.postgres("pg_ctl", "-D", data, "-m", "fast", "-w", "stop", check=False)
            return
        pid = self.pid(name)
        if pid is None:
            return
        try:
            os.killpg(pid, signal.SIGTERM)
        except OSError:
            return
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and self.pid(name) is not None:
            reap(pid)
            time.sleep(0.1)
        if self.pid(name) is not None:
            with contextlib.suppress(OSError):
                os.killpg(pid, signal.SIGKILL)
            reap(pid)
        (self.pids / f"{name}.pid").unlink(missing_ok=True)

    def manage(self, *args):
        result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=self.env(), check=False)
        if result.returncode:
            sys.exit(f"manage.py {' '.join(args)} failed (exit status {result.returncode}).")

    def prepare_site(self):
        """Migrations, static files, and the demo content when the database has no pages yet."""
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("collectstatic", "--noinput", "-v", "0")
        pages = self.postgres(
            "psql", "-h", HOST, "-p", self.ports["postgres"], "-U", "postgres", "-d", "wiegosite", "-Atc",
            "SELECT count(*) FROM wagtailcore_page JOIN django_content_type AS type ON content_type_id = type.id "
            "WHERE type.app_label = 'home'",
        )  # fmt: skip
        if int(pages.stdout.strip() or 0) == 0:
            print("Loading the demo content (first start)...", flush=True)
            self.manage("load_demo_content", "--hostname", HOST, "--port", str(self.ports["varnish"]))
        self.manage("ensure_admin", "--url", f"{self.address}admin/")

    def start(self, only=None):
        for directory in (self.run, self.pids, self.logs, self.run / "media", self.run / "static"):
            directory.mkdir(parents=True, exist_ok=True)
        # nginx's workers and PostgreSQL may run as other users (nobody, postgres) when started by root.
        self.run.chmod(0o755)
        (self.run / "port-base").write_text(str(self.base))
        self.render()
        names = only or SERVICES
        if not only:
            self.start_service("postgres")
            self.start_service("redis")
            self.prepare_site()
        for name in names:
            self.start_service(name)

    def stop(self, only=None):
        for name in reversed(only or SERVICES):
            self.stop_service(name)

    def status(self):
        return {name: self.running(name) for name in SERVICES}


def env_default(name, default):
    return os.environ.get(name) or default


def fill(template, target, values):
    text = template.read_text()
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", str(value))
    if target is not None:
        target.write_text(text)
    return text


def reap(pid):
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def wait_for_port(port, name, stack, seconds=60):
    def ready():
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return True
        except OSError:
            return False

    wait(ready, name, stack, seconds)


def wait_for_http(url, name, stack, seconds=90):
    def ready():
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own local server)
                return response.status == 200
        except OSError:
            return False

    wait(ready, name, stack, seconds)


def wait(ready, name, stack, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        if stack.pid(name) is None and name != "postgres":
            break
        time.sleep(0.2)
    log = stack.logs / f"{name}.log"
    tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    sys.exit(f"{name} did not start; the end of {log}:\n{tail}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument("--run-dir", default=os.environ.get("PROD_RUN_DIR") or ROOT / "var" / "prod")
    port = os.environ.get("PROD_PORT")
    parser.add_argument("--port-base", type=int, default=int(port) if port else None, help="Default 8080 (PROD_PORT).")
    parser.add_argument("--only", nargs="+", choices=SERVICES, help="Start or stop only these services.")
    options = parser.parse_args()
    stack = Stack(options.run_dir, options.port_base)
    if options.action == "start":
        stack.start(options.only)
        if not options.only:
            print(f"The production stack serves the site at {stack.address} (stop it with `make prod-stop`).")
            print(f"Admin: {stack.address}admin/  (logs in {stack.logs})")
    elif options.action == "stop":
        stack.stop(options.only)
        if not options.only:
            print("The production stack is stopped.")
    else:
        for name, running in stack.status().items():
            print(f"{name}: {'running' if running else 'stopped'}")


if __name__ == "__main__":
    main()
