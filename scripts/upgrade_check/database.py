"""The database under test: a SQLite file in the run's temporary directory, or a PostgreSQL
database that this run creates (and drops at the end) itself.

PostgreSQL: the URL names a database that must not exist yet; it is created with `createdb` and
dropped with `dropdb` (`-h HOST -p PORT -U USER`, trust authentication), so an existing database
is never written to or dropped. The names `test`, `postgres`, `template0` and `template1` are
refused outright.
"""

import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

REFUSED_NAMES = {"test", "postgres", "template0", "template1"}


class DatabaseError(Exception):
    pass


class Database:
    def __init__(self, url=None, temp_dir=None):
        self.created = False
        if url is None:
            self.vendor = "sqlite"
            self.path = Path(temp_dir) / "db.sqlite3"
            self.url = f"sqlite:///{self.path}"
            self.label = f"SQLite {self.path}"
            return
        parts = urlsplit(url)
        if parts.scheme not in ("postgres", "postgresql", "pgsql"):
            raise DatabaseError(f"--database-url must be postgres://...; got {parts.scheme!r} (SQLite is the default)")
        self.vendor = "postgresql"
        self.url = url
        self.name = unquote(parts.path.lstrip("/"))
        if not self.name or "/" in self.name:
            raise DatabaseError(f"no database name in {url!r}")
        if self.name in REFUSED_NAMES:
            raise DatabaseError(f"refusing to use the database {self.name!r}: name one that this check may create")
        self.host = parts.hostname or "127.0.0.1"
        self.port = str(parts.port or 5432)
        self.user = unquote(parts.username or "postgres")
        self.label = f"PostgreSQL {self.name} on {self.host}:{self.port}"

    def _client_args(self):
        return ["-h", self.host, "-p", self.port, "-U", self.user]

    def _run(self, tool, *args):
        if not shutil.which(tool):
            raise DatabaseError(f"{tool} not found (install the PostgreSQL client tools)")
        result = subprocess.run([tool, *self._client_args(), *args], capture_output=True, text=True, check=False)  # noqa: S603
        return result.returncode, (result.stderr or result.stdout).strip()

    def create(self):
        if self.vendor == "sqlite":
            if self.path.exists():
                raise DatabaseError(f"{self.path} exists already")
            self.created = True
            return
        code, message = self._run("createdb", "--encoding=UTF8", "--template=template0", self.name)
        if code != 0:
            if "already exists" in message:
                raise DatabaseError(
                    f"the database {self.name!r} exists already; this check only uses a database it creates "
                    f"(drop it yourself with `dropdb -h {self.host} -U {self.user} {self.name}` if it is a leftover)"
                )
            raise DatabaseError(f"createdb {self.name} failed: {message}")
        self.created = True

    def drop(self):
        """Drop the database, only if this run created it (the SQLite file goes with the temp dir)."""
        if not self.created or self.vendor == "sqlite":
            return None
        code, message = self._run("dropdb", "--if-exists", self.name)
        self.created = code != 0
        return None if code == 0 else f"dropdb {self.name} failed: {message}"
