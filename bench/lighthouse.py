"""Lighthouse mobile performance against production-like serving: median of three runs per page.

    python bench/lighthouse.py        (make lighthouse; needs make browser-deps)

Production-like means: production settings (DEBUG off), static files collected, compressed and
content-hashed by WhiteNoise, gunicorn with two workers, and HTML gzipped as the reverse proxy
would (bench/lighthouse_settings.py). Media files, which the reverse proxy serves in production,
are served by WhiteNoise here (bench/lighthouse_wsgi.py). The database is SQLite with the demo
content (var/lighthouse.sqlite3, built once). Lighthouse runs with its defaults: a mid-range
phone emulated on a throttled slow 4G connection (simulated), Debian's Chromium.
Not a test: nothing here passes or fails; the README records the figures.
"""

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("LIGHTHOUSE_PORT", "8031"))
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
PAGES = ["home", "programme", "library", "publication", "search"]


def environment():
    var = ROOT / "var"
    var.mkdir(exist_ok=True)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lighthouse_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), str(ROOT)]),
        "SECRET_KEY": "lighthouse-benchmark-only-" + "x" * 40,
        "DATABASE_URL": f"sqlite:///{var / 'lighthouse.sqlite3'}",
        "MEDIA_ROOT": str(var / "lighthouse-media"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }


def prepare(env):
    manage = [sys.executable, str(ROOT / "manage.py")]
    quiet = {"env": env, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], **quiet)
    subprocess.run([*manage, "load_demo_content", "--hostname", "127.0.0.1", "--port", str(PORT)], **quiet)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], **quiet)
    # Render every page once so that the images' renditions exist when the server starts
    # (WhiteNoise lists the media files at start-up).
    subprocess.run([*manage, "shell", "-c", WARM_UP], **quiet)
    return json.loads((ROOT / "var" / "lighthouse-urls.json").read_text())


WARM_UP = f"""
import json
from django.test import Client
from django.utils import translation
from wagtail.models import Page
from programmes.models import ProgrammePage
from publications.models import PublicationIndexPage, PublicationPage
from home.models import HomePage

client = Client(HTTP_HOST="127.0.0.1:{PORT}")
for page in Page.objects.live().filter(depth__gt=1).specific():
    client.get(page.url)
urls = {{}}
for language in ("en", "es"):
    with translation.override(language):
        urls[language] = {{
            "home": HomePage.objects.get().url,
            "programme": ProgrammePage.objects.live().exclude(lead_image=None).order_by("path").first().url,
            "library": PublicationIndexPage.objects.get().url,
            "publication": PublicationPage.objects.live().exclude(cover_image=None).order_by("path").first().url,
            "search": "/" + language + "/search/?q=" + ("workers" if language == "en" else "trabajadoras"),
        }}
    for url in urls[language].values():
        client.get(url)
open("{ROOT / "var" / "lighthouse-urls.json"}", "w").write(json.dumps(urls))
"""


def serve(env):
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "lighthouse_wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
        ],
        env=env,
        cwd=ROOT,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/en/")
            return server
        except OSError:
            time.sleep(0.2)
    server.send_signal(signal.SIGTERM)
    raise SystemExit("gunicorn did not start")


def main():
    env = environment()
    urls = prepare(env)
    server = serve(env)
    try:
        addresses = {
            f"http://127.0.0.1:{PORT}{path}": (language, page)
            for language, pages in urls.items()
            for page, path in pages.items()
        }
        result = subprocess.run(
            [
                shutil.which("node") or "node",
                str(ROOT / "tests" / "browser" / "lighthouse.mjs"),
                "--runs",
                str(RUNS),
                *addresses,
            ],
            env={**env, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()
    report = json.loads(result.stdout)
    (ROOT / "var" / "lighthouse-report.json").write_text(json.dumps(report, indent=2))
    print(f"Lighthouse mobile, median of {RUNS} runs (LCP, TBT in ms)\n")
    print("| language | page | performance | runs | LCP | TBT | CLS | a11y | best pr. | SEO |")
    print("|---|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for url, runs in report.items():
        language, page = addresses[url]
        for run in runs:
            if run["runtimeError"]:
                print(f"| {language} | {page} | run failed: {run['runtimeError']} |")
        runs = [run for run in runs if not run["runtimeError"]]
        if not runs:
            continue
        scores = [run["scores"]["performance"] for run in runs]

        def median(key, runs=runs):
            return statistics.median(run["metrics"][key] for run in runs)

        others = [
            statistics.median(run["scores"][category] for run in runs)
            for category in ("accessibility", "best-practices", "seo")
        ]
        print(
            f"| {language} | {page} | {statistics.median(scores):.0f} | {', '.join(map(str, scores))} "
            f"| {median('largest-contentful-paint'):.0f} | {median('total-blocking-time'):.0f} "
            f"| {median('cumulative-layout-shift'):.3f} | {others[0]:.0f} | {others[1]:.0f} | {others[2]:.0f} |"
        )
        failed = {key: value for run in runs for key, value in run["failed"].items()}
        if failed:
            print(f"|   | not passed in some run: {'; '.join(failed.values())} |")
    print(f"\nFull results: {ROOT / 'var' / 'lighthouse-report.json'}")


if __name__ == "__main__":
    main()
