"""The whole run: old checkout, database, the old code's steps, the new code's steps, report."""

import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from .compare import compare
from .database import Database, DatabaseError

SCRIPTS_DIR = Path(__file__).resolve().parent.parent
CURRENT = SCRIPTS_DIR.parent  # the checkout this script belongs to: the NEW code
SETTINGS = "wiegosite.settings.dev"
SITE = ("localhost", "80")  # the demo Site record; the test client sends this Host
# Never inherited from the caller's environment: the database, cache and media are this run's own.
DROPPED_ENV = {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "MEDIA_ROOT", "PYTHONPATH"}


class StepFailed(Exception):
    pass


def git(*args, cwd=CURRENT):
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603, S607
    if result.returncode != 0:
        raise StepFailed(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout.strip()


def default_from():
    """The commit the current branch started from: `git merge-base HEAD main`."""
    return git("merge-base", "HEAD", "main")


def resolve(commit):
    return git("rev-parse", "--verify", f"{commit}^{{commit}}")


class Run:
    def __init__(self, args):
        self.args = args
        self.python = sys.executable
        self.temp = Path(tempfile.mkdtemp(prefix="upgrade-check-"))
        self.old_dir = self.temp / "old"
        self.logs = self.temp / "logs"
        self.logs.mkdir()
        try:
            self.database = Database(args.database_url, self.temp)
        except DatabaseError:
            shutil.rmtree(self.temp, ignore_errors=True)
            raise
        self.timings = []
        self.env = {key: value for key, value in os.environ.items() if key not in DROPPED_ENV}
        self.env = {key: value for key, value in self.env.items() if not key.startswith("AWS_")}
        self.env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS,
            DATABASE_URL=self.database.url,
            MEDIA_ROOT=str(self.temp / "media"),
            SECRET_KEY=f"upgrade-check-{secrets.token_urlsafe(30)}",  # the same for both codes
            DEBUG="1",  # the dev settings serve /media/ only with DEBUG on
            PYTHONPATH=str(SCRIPTS_DIR),
            PYTHONHASHSEED="0",
            LOG_LEVEL="ERROR",
        )

    def say(self, text):
        print(text, flush=True)

    def step(self, label, argv, cwd, log):
        """Run one command; its output goes to logs/<log>.log, shown (the end of it) on failure."""
        started = time.monotonic()
        self.say(f"- {label} ...")
        path = self.logs / f"{log}.log"
        with open(path, "w", encoding="utf-8") as handle:
            result = subprocess.run(  # noqa: S603
                argv, cwd=cwd, env=self.env, stdout=handle, stderr=subprocess.STDOUT, check=False
            )
        seconds = time.monotonic() - started
        self.timings.append((label, seconds))
        if result.returncode != 0:
            tail = path.read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
            raise StepFailed(f"{label} failed (exit {result.returncode}); end of {path}:\n  " + "\n  ".join(tail))
        self.say(f"  done in {seconds:.0f} s")
        return path

    def manage(self, label, cwd, *args, log):
        return self.step(label, [self.python, "manage.py", *args], cwd, log)

    def module(self, label, cwd, name, *args, log):
        return self.step(label, [self.python, "-m", f"upgrade_check.{name}", *args], cwd, log)

    def extract_old(self, commit):
        """The old commit's files (`git archive`: no worktree is registered in the repository)."""
        self.say(f"- extracting {commit[:12]} into {self.old_dir} ...")
        argv = ["git", "archive", "--format=tar", commit]
        archive = subprocess.run(argv, cwd=CURRENT, capture_output=True, check=False)  # noqa: S603
        if archive.returncode != 0:
            raise StepFailed(f"git archive {commit}: {archive.stderr.decode(errors='replace').strip()}")
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(self.old_dir, filter="data")

    def build_old(self, commit):
        self.extract_old(commit)
        old = self.old_dir
        compile_args = ["compilemessages", "--ignore=.venv", "--ignore=node_modules", "-v", "0"]
        self.manage("old code: compilemessages", old, *compile_args, log="old-compilemessages")
        self.manage("old code: migrate", old, "migrate", "--noinput", log="old-migrate")
        demo_args = ["load_demo_content", "--hostname", SITE[0], "--port", SITE[1]]
        self.manage("old code: load_demo_content", old, *demo_args, log="old-demo")
        report = self.temp / "edits.json"
        self.module("old code: editors' and translators' edits", old, "edits", str(report), log="old-edits")
        self.edits = json.loads(report.read_text(encoding="utf-8"))
        for line in self.edits["done"]:
            self.say(f"    {line}")
        for line in self.edits["skipped"]:
            self.say(f"    SKIPPED {line}")
        self.module("old code: snapshot", old, "snapshot", str(self.temp / "old.json"), log="old-snapshot")

    def upgrade(self):
        compile_args = ["compilemessages", "--ignore=.venv", "--ignore=node_modules", "-v", "0"]
        self.manage("new code: compilemessages", CURRENT, *compile_args, log="new-compilemessages")
        self.manage("new code: migrate", CURRENT, "migrate", "--noinput", log="new-migrate")
        self.module("new code: snapshot", CURRENT, "snapshot", str(self.temp / "new.json"), log="new-snapshot")

    def report(self):
        old = json.loads((self.temp / "old.json").read_text(encoding="utf-8"))
        new = json.loads((self.temp / "new.json").read_text(encoding="utf-8"))
        result = compare(
            old,
            new,
            lines=self.args.lines,
            per_section=self.args.per_section,
            renames=[tuple(item.split(" -> ", 1)) for item in self.args.rename],
            renamed_columns=[
                (item.split(".", 1)[0], *item.split(".", 1)[1].split("=", 1)) for item in self.args.renamed_column
            ],
        )
        text = result.text()
        if self.args.report:
            Path(self.args.report).write_text(result.text(full=True) + "\n", encoding="utf-8")
        if text:
            self.say(text)
        return result

    def cleanup(self):
        problem = self.database.drop()
        if problem:
            self.say(f"WARNING: {problem}")
        if self.args.keep:
            kept = f" and the database {self.database.name}" if self.database.vendor == "postgresql" else ""
            self.say(f"Kept {self.temp}{kept} (--keep): old/ code, media/, logs/, old.json, new.json")
        else:
            shutil.rmtree(self.temp, ignore_errors=True)


def run(args):
    started = time.monotonic()
    commit = resolve(args.from_commit or default_from())
    head = git("rev-parse", "HEAD")
    dirty = " (plus uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else ""
    current = Run(args)
    print(f"Upgrade check: database built by {commit[:12]}, migrated by {CURRENT} at {head[:12]}{dirty}")
    if commit == head:
        print("  (the same commit on both sides: this checks the check itself; it must find no difference)")
    print(f"  database: {current.database.label}; temporary files: {current.temp}")
    try:
        current.database.create()
        if current.database.vendor == "postgresql" and args.keep:
            current.database.created = False  # --keep keeps the database too
        current.build_old(commit)
        current.upgrade()
        result = current.report()
    except (StepFailed, DatabaseError) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 2
    finally:
        current.cleanup()
    minutes, seconds = divmod(round(time.monotonic() - started), 60)
    skipped = len(current.edits["skipped"])
    print(f"Summary: {result.summary()}")
    print("Steps: " + ", ".join(f"{label} {seconds:.0f} s" for label, seconds in current.timings))
    print(f"Edits made with the old code: {len(current.edits['done'])}" + (f", {skipped} SKIPPED" if skipped else ""))
    verdict = "DIFFERENCES FOUND" if result.problems else "no difference"
    print(f"Result: {verdict} ({len(result.problems)} differences, {minutes} min {seconds:02d} s)")
    return 1 if result.problems else 0
