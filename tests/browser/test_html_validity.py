"""The HTML of every page type in every language is valid according to the Nu HTML Checker
(vnu-jar from npm, run once with Java over all the pages). The pages are saved as served in
test-output/html/ so a failure can be looked at."""

import json
import shutil
import subprocess
import urllib.error
import urllib.request

from tests.helpers import LANGUAGES, OUTPUT, PAGE_TYPES, VNU_JAR, require


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 (the live server's own address)
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        return error.read()


def test_every_page_type_is_valid_html(demo_site):
    require(VNU_JAR, "make browser-deps")
    java = shutil.which("java")
    assert java, "Java is missing: run `make browser-deps` (make test does it)."
    folder = OUTPUT / "html"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = []
    for language in LANGUAGES:
        for page_type in PAGE_TYPES:
            path = folder / f"{language}-{page_type}.html"
            path.write_bytes(fetch(demo_site.url(page_type, language)))
            files.append(str(path))

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    problems = [
        f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "warning"
    ]
    assert problems == []
