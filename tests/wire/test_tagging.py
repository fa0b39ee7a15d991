"""Country tagging of wire items, end to end: a labelled feed → poll → item countries.

The labelled set (tests/fixtures/wire/tagging.jsonl, 40 wire-style items in English and
Russian, including items about no country of ours and traps such as Kazan and Georgia) is
served as an RSS feed; the figures are computed over the countries that have a page
(the five and the Central Asia region; neighbours are not tagged on items).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html import escape

import pytest

from silkwire.news.models import CountryPage
from silkwire.wire.models import Feed, WireItem
from silkwire.wire.polling import poll_feed
from tests.conftest_http import Reply
from tests.wire.conftest import FEEDS, RSS

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def labelled() -> list[dict]:
    lines = (FEEDS / "tagging.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def as_rss(items: list[dict]) -> bytes:
    entries = "".join(
        f"<item><title>{escape(i['title'])}</title><description>{escape(i['summary'])}"
        f"</description><link>https://wire.example/{n}</link><guid>t{n}</guid></item>"
        for n, i in enumerate(items)
    )
    return f'<rss version="2.0"><channel><title>Tagging</title>{entries}</channel></rss>'.encode()


def test_wire_tagging_figures(loopback, capsys):
    items = labelled()
    ours = set(CountryPage.objects.values_list("slug", flat=True))
    feed = Feed.objects.create(
        url=loopback.route("/tagging", Reply(200, as_rss(items), {"Content-Type": RSS})),
        name="Tagging",
    )
    assert poll_feed(feed, now=NOW).new == len(items)
    tp = fp = fn = exact = 0
    misses = []
    for n, labelled_item in enumerate(items):
        item = WireItem.objects.get(feed=feed, link=f"https://wire.example/{n}")
        found = set(item.countries.values_list("slug", flat=True))
        truth = set(labelled_item["countries"]) & ours
        tp += len(found & truth)
        fp += len(found - truth)
        fn += len(truth - found)
        exact += found == truth
        if found != truth:
            misses.append((labelled_item["title"], sorted(truth), sorted(found)))
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    with capsys.disabled():
        print(
            f"\nwire tagging on {len(items)} items: precision {precision:.3f}, "
            f"recall {recall:.3f}, exact {exact}/{len(items)} (tp {tp}, fp {fp}, fn {fn})"
        )
        for miss in misses:
            print("  differs:", miss)
    assert precision >= 0.9
    assert recall >= 0.9


def test_items_about_nowhere_of_ours_get_no_country(loopback):
    body = as_rss(
        [
            {"title": "Oil prices fall as OPEC+ keeps output steady", "summary": "Brent fell."},
            {"title": "В Казани прошёл фестиваль", "summary": "Гости попробовали чак-чак."},
        ]
    )
    feed = Feed.objects.create(url=loopback.route("/x", Reply(200, body)), name="X")
    poll_feed(feed, now=NOW)
    assert not WireItem.objects.filter(feed=feed, countries__isnull=False).exists()
