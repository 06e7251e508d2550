"""Lighthouse accessibility, best practices and SEO at 100 on the home page, a programme, the
library, a publication and search, in English and Spanish (Lighthouse from npm with Debian's
Chromium, mobile emulation; tests/browser/lighthouse.mjs). Performance is measured by
`make lighthouse` against production-like serving instead: on the test server it would measure
uncompressed files from Django's development handler.

Search is checked on the search page itself (`/<lang>/search/`, indexable); its results pages
(any query string) are `noindex` by design, which Lighthouse's "Page is blocked from indexing"
audit would count against them."""

import json
import os
import shutil
import subprocess

from tests.helpers import CHROMIUM, NODE_MODULES, ROOT, require

PAGES = ["home", "programme", "library", "publication", "search"]
CATEGORIES = ["accessibility", "best-practices", "seo"]


def test_lighthouse_scores_100(demo_site):
    require(NODE_MODULES / "lighthouse", "make browser-deps")
    node = shutil.which("node")
    assert node, "Node is missing: run `make browser-deps`."
    urls = {
        demo_site.url(page, language).split("?")[0]: (page, language) for language in ("en", "es") for page in PAGES
    }
    result = subprocess.run(
        [node, str(ROOT / "tests/browser/lighthouse.mjs"), "--categories", ",".join(CATEGORIES), *urls],
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
    )
    report = json.loads(result.stdout)
    problems = {}
    for url, (run,) in report.items():
        page, language = urls[url]
        assert run["runtimeError"] is None, (url, run["runtimeError"])
        failed = dict(run["failed"])
        assert run["scores"] == dict.fromkeys(CATEGORIES, 100), (url, run["scores"], failed)
        if failed:
            problems[f"{language} {page}"] = failed
    assert problems == {}
