#!/usr/bin/env python3
"""In-process render times and query counts of the benchmarked pages (no HTTP server).

    SILKWIRE_HOME=DIR .venv/bin/python bench/render_times.py [--repeat 5]

For each page, two ways: *uncached* (page cache off: everything is computed) and *miss*
(page cache on, so fragments are reused as after an invalidation or a rates publication;
the test client never reads the page cache itself): median and max render time through
Django's test client, the number of SQL queries, and the slowest query with its time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sql", action="store_true", help="print the slowest query of each page")
    parser.add_argument("--pages", default="home,article,country,country_topic,feed,search")
    args = parser.parse_args()
    os.environ.setdefault("SILKWIRE_ENV", "local")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "silkwire.settings")
    os.environ["SILKWIRE_PAGECACHE"] = "1"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from silkwire.news.models import ArticlePage

    article = (
        ArticlePage.objects.live()
        .filter(url_path__startswith="/home/kazakhstan/")
        .order_by("-first_published_at")
        .first()
    )
    urls = {
        "home": "/",
        "article": article.url,
        "country": "/kazakhstan/",
        "country_topic": "/kazakhstan/economy/",
        "feed": "/feeds/all.rss",
        "search": "/search/?q=water+dam",
    }
    client = Client(HTTP_HOST="127.0.0.1")
    urls = {k: v for k, v in urls.items() if k in args.pages.split(",")}
    print(f"{ArticlePage.objects.count():,} articles ({connection.vendor})", flush=True)
    print("| page | mode | median ms | max ms | queries | slowest query ms |")
    print("|---|---|---|---|---|---|")
    for name, url in urls.items():
        for mode in ("uncached", "miss"):
            with override_settings(SILKWIRE_PAGECACHE=mode == "miss"):
                client.get(url)  # warm caches (templates, renditions, site root paths, fragments)
                times = []
                for _ in range(args.repeat):
                    with CaptureQueriesContext(connection) as ctx:
                        started = time.perf_counter()
                        response = client.get(url)
                        times.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200, (url, response.status_code)
            slowest = max(ctx.captured_queries, key=lambda q: float(q["time"]), default=None)
            print(
                f"| {name} | {mode} | {statistics.median(times):.1f} | {max(times):.1f} | {len(ctx)} "
                f"| {float(slowest['time']) * 1000 if slowest else 0:.1f} |",
                flush=True,
            )
            if args.sql and slowest:
                print(f"    slowest: {slowest['sql'][:600]}", file=sys.stderr)


if __name__ == "__main__":
    main()
