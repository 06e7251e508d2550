"""Check that a database built by older code migrates forward with nothing lost.

`scripts/check_upgrade.py` is the entry point (`--help`). The modules:

- `runner`: the whole run (old checkout, database, commands, clean-up);
- `database`: the SQLite file or the PostgreSQL database under test (created and dropped here);
- `edits`: editors' and translators' changes made with the OLD code (run inside the old checkout);
- `snapshot`, `fetch`, `data`: what is recorded of the database and the site (run by both codes);
- `normalise`: what is taken out of the HTML before comparing (volatile bits only);
- `compare`: the comparison of two snapshots and its report.

`edits` and `snapshot` run as `python -m upgrade_check.<module>` with the checkout under test as
the working directory, so they import that checkout's code; they import nothing of the site at
module level and use only long-stable Django and Wagtail APIs.
"""
