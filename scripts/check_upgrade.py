"""Check that a database built by older code migrates forward with nothing lost.

Builds a database with the code of an older commit (migrate, the demo content, then editors' and
translators' edits: a draft, a publish, a rename with its redirects, a move, an uploaded image and
document, a snippet and the site settings changed, a page left in moderation), records what it
holds and what the site answers (every live page in en/es/fr/pt, drafts' previews, redirects,
media files, counts, rows, permissions, translation status), migrates the same database with the
code of this checkout, records the same again and compares. Exits 0 when nothing differs, 1 when
something does (listed as unified diffs and `old -> new` values), 2 when a step fails.

Run it with the project's virtualenv:

    .venv/bin/python scripts/check_upgrade.py --from 426e0c6
    .venv/bin/python scripts/check_upgrade.py --from 426e0c6 --database-url postgres://postgres@127.0.0.1:5432/upgrade_check

or `make upgrade-check FROM=426e0c6 [CHECK_DATABASE_URL=postgres://...]`. See the README section
"Checking that an old database migrates forward".
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from upgrade_check.database import DatabaseError
from upgrade_check.runner import StepFailed, run


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="check_upgrade.py",
        description=(
            "Build a database with the code of an older commit (demo content plus realistic edits), "
            "migrate it with this checkout's code and compare what it holds and serves before and after."
        ),
        epilog=(
            "The new code is this checkout as it is on disk (uncommitted changes included). "
            "Nothing of the caller's DATABASE_URL, REDIS_URL or media settings is used: the database, "
            "media folder and secret key are the run's own."
        ),
    )
    parser.add_argument(
        "--from",
        dest="from_commit",
        metavar="COMMIT",
        help=(
            "the old commit that builds the database (any git revision); default: `git merge-base HEAD main`, "
            "the commit this branch started from. On main itself, pass the commit that is deployed."
        ),
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help=(
            "postgres://USER@HOST:PORT/NAME to run on PostgreSQL: NAME must not exist; it is created with "
            "createdb and dropped at the end (never test, postgres or template*). Default: a SQLite file "
            "in the temporary directory."
        ),
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the temporary directory (old code, media, logs, both snapshots) and the PostgreSQL database",
    )
    parser.add_argument("--lines", type=int, default=40, metavar="N", help="diff lines shown per response (40)")
    parser.add_argument("--per-section", type=int, default=30, metavar="N", help="differences shown per section (30)")
    parser.add_argument("--report", metavar="FILE", help="also write every difference, uncut, to FILE")
    parser.add_argument(
        "--rename",
        action="append",
        default=[],
        metavar="'OLD -> NEW'",
        help="a deliberate rename in the markup between the two commits (e.g. 'card__kind -> card__type'): "
        "a response that differs only by it is listed as explained; repeatable",
    )
    parser.add_argument(
        "--renamed-column",
        action="append",
        default=[],
        metavar="MODEL.OLD=NEW",
        help="a column a migration renamed (e.g. initiativepage.kind=initiative_type); repeatable",
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    try:
        return run(args)
    except (StepFailed, DatabaseError) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
