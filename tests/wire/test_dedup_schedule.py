"""Entry identity, story keys and the polling schedule (pure)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from silkwire.wire import schedule
from silkwire.wire.dedup import (
    GUID,
    LINK,
    LINK_DATE_TITLE,
    degrade_unicity,
    entry_keys,
    identity,
    normalise_url,
    title_key,
    tolerated_invalid,
)
from silkwire.wire.feeds import FeedEntry, parse_feed
from tests.wire.conftest import feed_bytes

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def entry(guid="", link="", title="t", published=None):
    return FeedEntry(
        guid=guid,
        link=link,
        canonical_link=link,
        title=title,
        summary="",
        published=published,
    )


# --- identity within a feed ----------------------------------------------------------------------


@pytest.mark.parametrize("count, tolerated", [(1, 0), (9, 0), (10, 1), (29, 1), (30, 2), (100, 5)])
def test_freshrss_tolerance(count, tolerated):
    assert tolerated_invalid(count) == tolerated


def test_identity_falls_back_guid_then_link_then_hash():
    assert identity(entry(guid="g", link="https://x/1"), GUID) == "guid:g"
    assert identity(entry(link="https://x/1"), GUID) == "link:https://x/1"
    assert identity(entry(link="http://www.x/1/?utm_source=rss"), LINK) == "link:https://x/1"
    assert identity(entry(title="Only a title"), GUID) == "ldt:||Only a title"
    assert identity(entry(guid="g", link="https://x/1/"), LINK) == "link:https://x/1"
    day = datetime(2026, 11, 20, tzinfo=UTC)
    assert identity(entry(guid="g", link="https://x/1", published=day), LINK_DATE_TITLE) == (
        "ldt:https://x/1|2026-11-20T00:00:00+00:00|t"
    )


def test_keys_are_stable_and_unique_within_a_fetch():
    entries = [entry(guid="a", link="https://x/1"), entry(guid="a", link="https://x/2")]
    keys = entry_keys(entries, GUID)
    assert len(set(keys)) == 2 and all(len(k) == 64 for k in keys)
    assert entry_keys(entries, GUID) == keys
    # The first occurrence keeps the plain GUID key: stored items still match.
    assert keys[0] == entry_keys([entries[0]], GUID)[0]


def test_broken_guids_degrade_the_feed_to_links():
    feed = parse_feed(feed_bytes("rss2_broken_guids.xml"), url="https://briefs.example.kz/rss")
    assert len({e.guid for e in feed.entries}) == 1  # every item says <guid>1</guid>
    assert degrade_unicity(feed.entries, GUID) == LINK
    assert degrade_unicity(feed.entries, GUID, forced=True) == GUID
    keys = entry_keys(feed.entries, LINK)
    assert len(set(keys)) == 12


def test_a_few_bad_guids_are_tolerated():
    entries = [entry(guid=f"g{i}", link=f"https://x/{i}") for i in range(20)]
    entries[5].guid = ""
    assert degrade_unicity(entries, GUID) == GUID  # 1 of 20 is within 5 %
    entries[6].guid = ""
    assert degrade_unicity(entries, GUID) == LINK


def test_broken_links_too_degrade_to_link_date_title():
    entries = [entry(guid="same", link="https://x/same", title=f"t{i}") for i in range(12)]
    assert degrade_unicity(entries, GUID) == LINK_DATE_TITLE
    assert degrade_unicity(entries, LINK_DATE_TITLE) == LINK_DATE_TITLE  # never upgrades


# --- keys across feeds -------------------------------------------------------------------------


def test_normalise_url():
    assert normalise_url("http://www.Example.kz/news/1/?utm_source=rss&b=2&a=1#top") == (
        "https://example.kz/news/1?a=1&b=2"
    )
    assert normalise_url("https://m.example.kz/news/1/amp") == "https://example.kz/news/1"
    assert normalise_url("https://example.kz") == "https://example.kz/"
    assert normalise_url("") == ""


def test_title_key():
    assert title_key("«Казахстан» повысил ставку — до 17%!") == "казахстан повысил ставку до 17"
    assert title_key("Ёлка в Астане") == title_key("елка в астане")
    # An outlet suffix goes only when it is the feed's own name.
    assert title_key("Base rate raised - Steppe Wire", "Steppe Wire") == "base rate raised"
    assert title_key("Kazakhstan - Uzbekistan talks") == "kazakhstan uzbekistan talks"


# --- schedule ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "per_week, expected",
    [
        (0, timedelta(hours=24)),
        (1, timedelta(hours=24)),
        (7, timedelta(hours=24)),
        (14, timedelta(hours=12)),
        (168, timedelta(hours=1)),
        (100_000, timedelta(minutes=5)),
    ],
)
def test_activity_interval_is_bounded(per_week, expected):
    assert schedule.activity_interval(per_week) == expected


def test_publisher_hints_lengthen_but_never_beyond_a_day():
    headers = {"cache-control": "public, max-age=7200"}
    assert schedule.refresh_delay(headers, None, NOW) == timedelta(hours=2)
    assert schedule.refresh_delay({}, 90, NOW) == timedelta(minutes=90)
    expires = {"expires": "Fri, 20 Nov 2026 15:00:00 GMT"}
    assert schedule.refresh_delay(expires, None, NOW) == timedelta(hours=3)
    rng = random.Random(1)
    busy = schedule.after_success(entries_last_week=1000, headers=headers, now=NOW, rng=rng)
    assert timedelta(hours=1, minutes=48) <= busy - NOW <= timedelta(hours=2, minutes=12)
    huge = schedule.after_success(
        entries_last_week=1000, headers={"cache-control": "max-age=9999999"}, now=NOW, rng=rng
    )
    assert huge - NOW == timedelta(hours=24)


def test_retry_after_seconds_and_dates():
    assert schedule.retry_after("120", NOW) == timedelta(minutes=2)
    assert schedule.retry_after("Fri, 20 Nov 2026 13:00:00 GMT", NOW) == timedelta(hours=1)
    assert schedule.retry_after("soon", NOW) is None
    assert schedule.retry_after("99999999", NOW) == timedelta(days=7)
    when = schedule.after_error(consecutive_errors=1, retry_after_delay=timedelta(hours=3), now=NOW)
    assert when == NOW + timedelta(hours=3)


def test_error_backoff_doubles_up_to_a_day():
    assert [schedule.error_backoff(n) for n in (1, 2, 3, 4)] == [
        timedelta(minutes=5),
        timedelta(minutes=10),
        timedelta(minutes=20),
        timedelta(minutes=40),
    ]
    assert schedule.error_backoff(30) == timedelta(hours=24)


def test_jitter_stays_within_ten_percent():
    rng = random.Random(7)
    for _ in range(200):
        delta = schedule.with_jitter(timedelta(hours=1), rng)
        assert timedelta(minutes=54) <= delta <= timedelta(minutes=66)
