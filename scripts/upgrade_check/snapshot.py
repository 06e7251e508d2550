"""Record what the database holds and what the site answers, as JSON, with the code of the
checkout this runs in.

    cd <checkout> && DJANGO_SETTINGS_MODULE=... DATABASE_URL=... MEDIA_ROOT=... \\
        PYTHONPATH=<scripts dir> python -m upgrade_check.snapshot OUTPUT.json

Pages are fetched first and the numbers counted afterwards, because rendering a page creates the
image renditions it needs: the old code's snapshot leaves them in place, so the new code finds
the same ones.
"""

import json
import sys
import time


def snapshot():
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.utils import translation

    from . import data, fetch

    started = time.monotonic()
    # Translated fields (`page.url_path`, titles, the base columns in rows) read in English.
    translation.activate("en")
    fetcher = fetch.Fetcher()
    out = {"meta": {"base dir": str(settings.BASE_DIR), "database": connection.vendor}}
    out["html"] = fetch.live_pages(fetcher)
    out["previews"] = fetch.previews(fetcher)
    out["site-wide"] = fetch.site_wide(fetcher)
    out["redirect answers"] = fetch.redirects(fetcher)
    out["media"] = fetch.media(fetcher)
    names = data.Names()
    out["counts"] = data.counts()
    out["rows by model"] = data.rows_by_model()
    out.update(data.by_type(names))
    out["groups"] = data.groups(names)
    out["users"] = data.users()
    out["translation status"] = data.translation_status(names)
    out["workflow states"] = data.workflow_states(names)
    out["revisions"] = data.revisions(names)
    out["rows"] = data.rows(names)
    out["stale content types"] = data.stale_content_types(names)
    out["meta"]["normalised"] = fetcher.normalised
    out["meta"]["seconds"] = round(time.monotonic() - started, 1)
    return out


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: python -m upgrade_check.snapshot OUTPUT.json")
    result = snapshot()
    with open(argv[1], "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1, sort_keys=True)
    print(
        f"snapshot: {len(result['html'])} page responses, {len(result['previews'])} previews, "
        f"{sum(len(rows) for rows in result['rows'].values())} rows, {result['meta']['seconds']} s"
    )


if __name__ == "__main__":
    main(sys.argv)
