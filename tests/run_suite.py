"""`make test`: the whole suite as three pytest runs, the tests that need no browser in parallel
(pytest-xdist), the production stack's tests (tests/deploy/, one stack shared by all, so in one
process) and then the browser tests (tests/browser/, one live server and one Chromium).

Every run always happens, so one failing part does not hide the others' results. The output ends
with one line counting them all ("all: N passed, N failed[, N skipped]"), and the exit status is
non-zero when any run failed. A part that selects no test (pytest's exit status 5, e.g. with
`ARGS="-k lighthouse"`) is not a failure as long as another part ran tests.

    python tests/run_suite.py [--workers N|auto] [pytest options...]

The options (such as -k, -x or --lf) go to every run; name test files with `make test-fast` or
`make test-browser` instead. Each run's JUnit XML is kept in test-output/.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "test-output"
NO_TESTS = 5  # pytest's exit status when it collected nothing to run


def counts(junit):
    """{"passed", "failed", "skipped"} from a JUnit XML report (errors count as failed)."""
    if not junit.exists():
        return {"passed": 0, "failed": 0, "skipped": 0}
    root = ElementTree.parse(junit).getroot()  # noqa: S314 (pytest's own report, just written)
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        for key in total:
            total[key] += int(suite.get(key, 0))
    failed = total["failures"] + total["errors"]
    return {"passed": total["tests"] - failed - total["skipped"], "failed": failed, "skipped": total["skipped"]}


def line(result):
    text = f"{result['passed']} passed, {result['failed']} failed"
    return text + (f", {result['skipped']} skipped" if result["skipped"] else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="auto", help="pytest-xdist workers for the non-browser tests")
    options, pytest_args = parser.parse_known_args()
    OUTPUT.mkdir(exist_ok=True)
    pytest = [sys.executable, "-m", "pytest"]
    parts = [
        (
            "non-browser",
            ["-n", options.workers, "--dist", "worksteal", "--ignore=tests/browser", "--ignore=tests/deploy"],
        ),
        ("stack", ["tests/deploy"]),
        ("browser", ["tests/browser"]),
    ]
    results = []
    for name, args in parts:
        junit = OUTPUT / f"junit-{name}.xml"
        junit.unlink(missing_ok=True)
        print(f"\n=== make test, {name} tests: pytest {' '.join(args + pytest_args)}", flush=True)
        start = time.monotonic()
        status = subprocess.call([*pytest, *args, f"--junitxml={junit}", *pytest_args], cwd=ROOT)
        results.append({"name": name, "status": status, "seconds": time.monotonic() - start, **counts(junit)})

    for result in results:
        print(f"{result['name']}: {line(result)} in {result['seconds']:.0f} s (pytest exit status {result['status']})")
    statuses = [result["status"] for result in results]
    failures = [status for status in statuses if status not in (0, NO_TESTS)]
    if failures:
        exit_status = failures[0]
    elif all(status == NO_TESTS for status in statuses):
        exit_status = NO_TESTS
    else:
        exit_status = 0
    total = {key: sum(result[key] for result in results) for key in ("passed", "failed", "skipped")}
    print(f"all: {line(total)}", flush=True)
    return exit_status


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # Ctrl-C: pytest has already said where it stopped
        sys.exit(130)
