"""Response-time benchmark of the library, a publication, search and the admin's translation
status report at several library sizes.

    python bench/run.py                 # sizes 100 and 10000 (SQLite files in var/bench-N.sqlite3)
    BENCH_SIZES=100,1000 python bench/run.py
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_{size} python bench/run.py

Each size gets its own database, built once (migrate + demo content + N generated publications;
10,000 take several minutes) and reused afterwards. Requests go through Django's test client in
one process with DEBUG off, so the figures are server time without network or static files.
Not a test: nothing here passes or fails.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEATS = int(os.environ.get("BENCH_REPEATS", "25"))


def database_url(size):
    template = os.environ.get("BENCH_DATABASE_URL")
    if template:
        return template.format(size=size)
    return f"sqlite:///{ROOT / 'var' / f'bench-{size}.sqlite3'}"


def prepare(size):
    env = {**os.environ, "DATABASE_URL": database_url(size), "DJANGO_SETTINGS_MODULE": "wiegosite.settings.dev"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    (ROOT / "var").mkdir(exist_ok=True)
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        [*manage, "load_demo_content", "--publications", str(size)], env=env, check=True, stdout=subprocess.DEVNULL
    )


def measure(size):
    os.environ["DATABASE_URL"] = database_url(size)
    os.environ["DJANGO_SETTINGS_MODULE"] = "wiegosite.settings.dev"
    os.environ["DEBUG"] = "0"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client
    from django.utils import translation

    from publications.models import PublicationIndexPage, PublicationPage, PublicationSeries

    library = PublicationIndexPage.objects.get()
    publication = PublicationPage.objects.filter(slug_en__startswith="generated-").order_by("pk")[size // 2]
    series = PublicationSeries.objects.order_by("key").first()
    with translation.override("es"):
        library_url, publication_url = library.url, publication.url
    cases = {
        "library": (library_url, {}),
        "library, 3 filters": (library_url, {"series": series.key, "language": "fr", "year": "2017"}),
        "library, text + sort": (library_url, {"q": "trabajadoras", "sort": "title", "page": "3"}),
        "publication": (publication_url, {}),
        "search": ("/es/search/", {"q": "trabajadoras del hogar"}),
    }
    from django.contrib.auth import get_user_model

    from translations.models import TranslatedObject

    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench", "bench@example.org", None)
    report = "/admin/translations/status/"
    cases.update(
        {
            "status report": (report, {}),
            "report, fr out of date": (report, {"language": "fr", "status": "outdated"}),
            "report, section, page 5": (report, {"section": library.pk, "p": "5"}),
        }
    )
    print(f"<!-- {TranslatedObject.objects.count()} objects in the translation status -->")
    client = Client(HTTP_HOST="127.0.0.1:8000")
    client.force_login(user)
    results = {}
    for name, (url, params) in cases.items():
        for _ in range(3):
            response = client.get(url, params)
            assert response.status_code == 200, (name, response.status_code)
        timings = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            client.get(url, params)
            timings.append((time.perf_counter() - start) * 1000)
        results[name] = (statistics.median(timings), sorted(timings)[int(len(timings) * 0.9) - 1])
    for name, (median, p90) in results.items():
        print(f"| {size:>6} | {name:<22} | {median:8.1f} | {p90:8.1f} |")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        measure(int(sys.argv[2]))
        return
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "100,10000").split(",")]
    print(f"Median and 90th percentile of {REPEATS} requests, in ms (Django test client, DEBUG off)\n")
    print("| publications | page | median ms | p90 ms |\n|---:|---|---:|---:|")
    for size in sizes:
        prepare(size)
        subprocess.run([sys.executable, __file__, "--measure", str(size)], check=True)


if __name__ == "__main__":
    main()
