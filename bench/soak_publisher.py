#!/usr/bin/env python3
"""The newsroom side of the soak: publish an edit every few seconds, refresh rates every minute.

    SILKWIRE_HOME=DIR .venv/bin/python bench/soak_publisher.py --base http://127.0.0.1:8100 \
        --duration 600 [--every 5] [--rates-every 60] [--out FILE]

Each edit changes the headline of a live article (cycling through the newest few) and
publishes a new revision through Wagtail, exactly as the editor's Publish button does
(the page cache is invalidated by the same receivers). The time from the end of
``publish()`` to the moment the public URL serves the new headline over HTTP is the
publish-to-visible latency. Every ``--rates-every`` seconds a National Bank of Kazakhstan
payload for the next day is stored through ``silkwire rates fetch --file`` (the real CLI
path), which publishes new rates and invalidates every page that shows the ticker.

Writes a JSON summary (p50/p99 latency, edits, failures, rates refreshes) to --out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
NBK_PAYLOAD = ROOT / "silkwire/rates/data/nbk_get_rates_fdate_02.04.2026.xml"


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def refresh_rates(day: dt.date) -> tuple[bool, str]:
    """Store an NBK payload dated `day` through the CLI; return (ok, its last output line)."""
    text = NBK_PAYLOAD.read_text(encoding="utf-8")
    text = text.replace("<date>02.04.2026</date>", f"<date>{day:%d.%m.%Y}</date>")
    with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False) as handle:
        handle.write(text)
    silkwire = Path(sys.executable).with_name("silkwire")
    result = subprocess.run(
        [
            str(silkwire),
            "rates",
            "fetch",
            "--source",
            "nbk",
            "--file",
            handle.name,
            "--date",
            day.isoformat(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    os.unlink(handle.name)
    lines = (result.stdout + result.stderr).strip().splitlines()
    return result.returncode == 0, (lines[-1] if lines else "")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--duration", type=float, default=600)
    parser.add_argument("--every", type=float, default=5)
    parser.add_argument("--rates-every", type=float, default=60)
    parser.add_argument("--visible-timeout", type=float, default=30)
    parser.add_argument("--out")
    args = parser.parse_args()

    os.environ.setdefault("SILKWIRE_ENV", "local")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "silkwire.settings")
    import django

    django.setup()
    from silkwire.news.models import ArticlePage
    from silkwire.rates.models import RateObservation

    articles = list(ArticlePage.objects.live().order_by("-first_published_at")[:5])
    if not articles:
        print("error: the site has no live article to edit (run `silkwire demo`)", file=sys.stderr)
        return 2
    last = RateObservation.objects.filter(source="nbk").order_by("-rate_date").first()
    next_day = (last.rate_date if last else dt.date(2026, 4, 2)) + dt.timedelta(days=1)

    latencies: list[float] = []
    failures: list[str] = []
    rates_ok = rates_failed = 0
    edits = 0
    started = time.monotonic()
    next_rates = started + args.rates_every
    client = httpx.Client(timeout=10)
    while time.monotonic() - started < args.duration:
        tick = time.monotonic()
        page = ArticlePage.objects.get(pk=articles[edits % len(articles)].pk)
        base_title = page.title.split(" · soak ")[0]
        page.title = f"{base_title} · soak {edits}"
        try:
            page.save_revision().publish()
        except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
            failures.append(f"publish {page.pk}: {exc!r}")
            edits += 1
            continue
        published = time.monotonic()
        url = args.base.rstrip("/") + page.url
        while True:
            try:
                body = client.get(url).text
            except httpx.HTTPError as exc:
                failures.append(f"GET {url}: {exc!r}")
                break
            if page.title in body:
                latencies.append(time.monotonic() - published)
                break
            if time.monotonic() - published > args.visible_timeout:
                failures.append(f"{url}: edit {edits} not visible after {args.visible_timeout}s")
                break
            time.sleep(0.01)
        edits += 1
        if time.monotonic() >= next_rates:
            ok, line = refresh_rates(next_day)
            rates_ok, rates_failed = rates_ok + ok, rates_failed + (not ok)
            if not ok:
                failures.append(f"rates {next_day}: {line}")
            next_day += dt.timedelta(days=1)
            next_rates += args.rates_every
        time.sleep(max(0.0, args.every - (time.monotonic() - tick)))

    summary = {
        "edits": edits,
        "visible": len(latencies),
        "publish_to_visible_ms": {
            "p50": round(percentile(latencies, 50) * 1000, 1),
            "p99": round(percentile(latencies, 99) * 1000, 1),
            "max": round(max(latencies) * 1000, 1) if latencies else None,
            "mean": round(statistics.fmean(latencies) * 1000, 1) if latencies else None,
        },
        "rates_refreshes": {"ok": rates_ok, "failed": rates_failed},
        "failures": failures,
    }
    text = json.dumps(summary, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
