#!/usr/bin/env python3
"""Search page response times on a corpus, through the site's real view (no HTTP server).

    .venv/bin/python bench/search_times.py [--database-url URL] [--home DIR] [-n 200]
        [--seed 7] [--corpus-seed 7] [--warmup 10] [--slowest 5] [--sql]

Runs ``-n`` GET /search/ requests through Django's test client (page cache off) with a fixed,
seeded mix of queries a reader would type, as the search form sends them:

- one common word (``water``), two words (``water dam``), a country name (``Kyrgyzstan``,
  which name variants expand), a rare word (a name from bench/make_corpus.py's long tail,
  found in a handful of articles), and one word with ``sort=date``;
- one word with a ``country`` filter, with a ``kind`` filter, and with both.

Prints p50/p95/p99/max in ms overall and per kind of query, SQL queries per request, and the
slowest requests (``--sql``: with their slowest SQL statement).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

COMMON = """water energy dam border trade grain cotton gas pipeline railway election parliament
president minister court journalist protest drought glacier river uranium gold migrants
remittances inflation budget reform customs visa tourism school hospital airport bank loan
investor harvest livestock wheat electricity solar coal""".split()
KINDS = ["news", "analysis", "interview", "opinion", "feature"]


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def query_mix(n: int, seed: int, corpus_seed: int, countries: list[tuple[str, str]]) -> list:
    """``n`` (category, params) pairs, the same for the same seeds and countries."""
    from make_corpus import rare_vocabulary

    rng = random.Random(seed)
    rare = rare_vocabulary(corpus_seed)
    mix = [
        ("one word", 3),
        ("two words", 2),
        ("country name", 1),
        ("rare word", 1),
        ("one word, date order", 1),
        ("word + country filter", 1),
        ("word + kind filter", 1),
        ("word + country + kind", 1),
    ]
    names = [c for c, w in mix for _ in range(w)]
    out = []
    for _ in range(n):
        category = rng.choice(names)
        word = rng.choice(COMMON)
        if category == "one word":
            params = {"q": word}
        elif category == "two words":
            params = {"q": f"{word} {rng.choice([w for w in COMMON if w != word])}"}
        elif category == "country name":
            params = {"q": rng.choice(countries)[1]}
        elif category == "rare word":
            params = {"q": rare[rng.randrange(1000, len(rare))]}
        elif category == "one word, date order":
            params = {"q": word, "sort": "date"}
        elif category == "word + country filter":
            params = {"q": word, "country": rng.choice(countries)[0]}
        elif category == "word + kind filter":
            params = {"q": word, "kind": rng.choice(KINDS)}
        else:
            params = {"q": word, "country": rng.choice(countries)[0], "kind": rng.choice(KINDS)}
        out.append((category, params))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="SILKWIRE_DATABASE_URL (default: the environment)")
    parser.add_argument("--home", help="SILKWIRE_HOME")
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7, help="seed of the query mix")
    parser.add_argument("--corpus-seed", type=int, default=7, help="make_corpus.py --seed")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--slowest", type=int, default=5)
    parser.add_argument("--sql", action="store_true", help="show the slowest SQL of slow requests")
    parser.add_argument(
        "--budget",
        type=float,
        default=900,
        help="stop issuing requests after this many seconds (the rest are reported as not run)",
    )
    args = parser.parse_args()
    from make_corpus import plain_static_storage, setup_django

    setup_django(args.database_url, args.home)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from silkwire.news.models import ArticlePage, CountryPage

    plain_static_storage()
    countries = list(CountryPage.objects.live().order_by("path").values_list("slug", "title"))
    requests = query_mix(args.n, args.seed, args.corpus_seed, countries)
    client = Client(HTTP_HOST="127.0.0.1")
    print(
        f"{ArticlePage.objects.count():,} articles ({connection.vendor}); "
        f"{args.n} searches, seed {args.seed}",
        flush=True,
    )
    for _, params in query_mix(args.warmup, args.seed + 1, args.corpus_seed, countries):
        client.get("/search/", params)
    print(f"{args.warmup} warm-up searches done", flush=True)
    results = []  # (ms, category, params, queries, slowest sql ms, slowest sql)
    started = time.monotonic()
    for category, params in requests:
        if time.monotonic() - started > args.budget:
            print(
                f"budget of {args.budget:.0f}s spent: {len(results)} of {len(requests)} run; "
                "the percentiles below are over those only",
                flush=True,
            )
            break
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            response = client.get("/search/", params)
            ms = (time.perf_counter() - t) * 1000
        if response.status_code != 200:
            raise SystemExit(f"/search/?{urlencode(params)} → {response.status_code}")
        slow = max(ctx.captured_queries, key=lambda q: float(q["time"]), default=None)
        results.append(
            (
                ms,
                category,
                params,
                len(ctx.captured_queries),
                float(slow["time"]) * 1000 if slow else 0.0,
                slow["sql"] if slow else "",
            )
        )
    times = [r[0] for r in results]
    queries = [r[3] for r in results]
    print()
    print("| queries of the mix | n | p50 ms | p95 ms | p99 ms | max ms | SQL queries |")
    print("|---|---|---|---|---|---|---|")

    def row(label, rows):
        ts = [r[0] for r in rows]
        qs = [r[3] for r in rows]
        qtext = f"{min(qs)}–{max(qs)}" if min(qs) != max(qs) else f"{qs[0]}"
        print(
            f"| {label} | {len(rows)} | {percentile(ts, 50):.1f} | {percentile(ts, 95):.1f} | "
            f"{percentile(ts, 99):.1f} | {max(ts):.1f} | {qtext} |"
        )

    row("**all**", results)
    for category in dict.fromkeys(r[1] for r in results):
        row(category, [r for r in results if r[1] == category])
    print()
    print(
        f"all: p50 {percentile(times, 50):.1f} ms, p95 {percentile(times, 95):.1f} ms, "
        f"p99 {percentile(times, 99):.1f} ms, max {max(times):.1f} ms, mean "
        f"{statistics.fmean(times):.1f} ms; SQL queries per request median "
        f"{statistics.median(queries):.0f}, max {max(queries)}"
    )
    print(f"\nslowest {args.slowest}:")
    for ms, category, params, nq, slow_ms, sql in sorted(results, key=lambda r: r[0])[
        -args.slowest :
    ][::-1]:
        print(f"  {ms:8.1f} ms  {nq:3} queries  /search/?{urlencode(params)}  ({category})")
        if args.sql:
            print(f"      slowest SQL {slow_ms:.1f} ms: {sql[:1500]}")


if __name__ == "__main__":
    main()
