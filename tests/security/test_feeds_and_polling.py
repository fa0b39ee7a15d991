"""Hostile feed bytes give the parser's documented error; one bad feed never stops a poll."""

from __future__ import annotations

import logging
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from silkwire.wire.feeds import FeedParseError, ParsedFeed, parse_feed
from silkwire.wire.models import Feed, WireItem
from silkwire.wire.polling import poll_due_feeds
from tests.conftest_http import Reply

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "wire"
RSS = "application/rss+xml; charset=utf-8"
NULL_ENCODING = b'<?xml encoding="\x00"?>'
UNDECODABLE_ENCODING = b'<?xml encoding="\x80"?>'
HUGE_CHARREF = b"<rss><channel><title>&#99999999;</title></channel></rss>"


@pytest.mark.parametrize("content_type", ["", "text/xml", "application/rss+xml"])
@pytest.mark.parametrize("body", [NULL_ENCODING, UNDECODABLE_ENCODING])
def test_hostile_encodings_give_the_documented_error(body, content_type):
    with pytest.raises(FeedParseError) as failed:
        parse_feed(body, url="https://feeds.example.com/rss", content_type=content_type)
    assert type(failed.value) is FeedParseError
    assert "Not a readable RSS or Atom feed" in str(failed.value)


def _parse_or_documented_error(body: bytes, content_type: str = "text/xml") -> None:
    try:
        parse_feed(body, url="https://f.example/rss", content_type=content_type)
    except FeedParseError:
        pass  # anything else propagates and fails the test


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0" encoding="\x00"?><rss version="2.0"><channel/></rss>',
        b'<?xml version="1.0" encoding="\xff\xfe"?><rss/>',
        b'<?xml version="1.0" encoding="utf-\x80"?><rss/>',
        b"\x00\x00\xfe\xff<rss/>",
        b"\xef\xbb\xbf\xff\xfe<rss/>",
        b"<rss><channel><item><link>http://[::1/x</link><title>t</title></item></channel></rss>",
        b"<rss><channel><ttl>99999999999999999999</ttl><item><title>t</title></item></channel></rss>",
        b"<rss><channel><item><title>&#xFFFFFFFFFF;</title></item></channel></rss>",
    ],
)
def test_other_hostile_bytes_raise_only_the_documented_error(body):
    _parse_or_documented_error(body)


def test_mangled_feeds_raise_only_the_documented_error():
    import random

    rng = random.Random(12)
    original = (FEEDS / "rss2_steppe.xml").read_bytes()
    for _ in range(150):
        data = bytearray(original)
        for _ in range(rng.randint(1, 12)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        _parse_or_documented_error(bytes(data[: rng.randrange(1, len(data))]))


@pytest.mark.parametrize("content_type", ["", "text/xml"])
def test_out_of_range_character_reference_is_not_a_crash(content_type):
    """&#99999999; made feedparser's chr() raise ValueError; it reads as U+FFFD now."""
    try:
        parsed = parse_feed(HUGE_CHARREF, url="https://f.example/rss", content_type=content_type)
    except FeedParseError:
        return  # the documented error is fine too
    assert isinstance(parsed, ParsedFeed)
    assert parsed.title == "\ufffd"


def test_an_entry_with_a_bad_character_reference_is_kept():
    body = (
        b'<rss version="2.0"><channel><title>T</title><item><title>A &#x7FFFFFFF; b</title>'
        b"<link>https://f.example/a</link><guid>a</guid></item></channel></rss>"
    )
    parsed = parse_feed(body, url="https://f.example/rss", content_type="text/xml")
    assert [e.title for e in parsed.entries] == ["A \ufffd b"]


@pytest.fixture
def three_feeds(loopback):
    """Two good feeds with a bad one between them (by id, the order `wire poll` uses)."""
    steppe = (FEEDS / "rss2_steppe.xml").read_bytes()
    pamir = (FEEDS / "atom_pamir.xml").read_bytes()
    loopback.route("/good-1.xml", Reply(200, steppe, {"Content-Type": RSS}))
    loopback.route("/good-2.xml", Reply(200, pamir, {"Content-Type": "application/atom+xml"}))

    def make(bad_url: str) -> list[Feed]:
        now = timezone.now()
        return [
            Feed.objects.create(url=loopback.url("/good-1.xml"), name="one", next_check_at=now),
            Feed.objects.create(url=bad_url, name="bad", next_check_at=now),
            Feed.objects.create(url=loopback.url("/good-2.xml"), name="two", next_check_at=now),
        ]

    return make


def _bad_url(kind: str, loopback) -> str:
    if kind == "octal-host":  # stored before add validated it: httpx.InvalidURL killed the poll
        loopback.route("/bad.xml", Reply(200, b"<rss/>", {"Content-Type": RSS}))
        return f"http://0177.0.0.1:{loopback.port}/missing.xml"
    body = {"null-encoding": NULL_ENCODING, "undecodable": UNDECODABLE_ENCODING}[kind]
    return loopback.route("/bad.xml", Reply(200, body, {}))  # no Content-Type, as the probe


BAD_KINDS = ["octal-host", "null-encoding", "undecodable"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", BAD_KINDS)
def test_wire_poll_polls_the_good_feeds_around_a_bad_one(kind, three_feeds, loopback):
    one, bad, two = three_feeds(_bad_url(kind, loopback))
    out = StringIO()
    with pytest.raises(CommandError) as failed:  # exit 1: one feed failed; the run finished
        call_command("wire", "poll", "--json", stdout=out)
    assert failed.value.returncode == 1
    assert WireItem.objects.filter(feed=one).count() == 5
    assert WireItem.objects.filter(feed=two).count() == 2
    bad.refresh_from_db()
    assert bad.error_count == 1 and bad.last_error
    assert "Internal error" not in bad.last_error


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["null-encoding", "undecodable"])
def test_a_parse_failure_is_a_readable_feed_error(kind, three_feeds, loopback, caplog):
    one, bad, two = three_feeds(_bad_url(kind, loopback))
    with caplog.at_level(logging.ERROR):
        results = {r.feed_id: r for r in poll_due_feeds()}
    assert results[one.pk].outcome == results[two.pk].outcome == "new"
    assert results[bad.pk].outcome == "error"
    bad.refresh_from_db()
    assert bad.last_error.startswith("Not a readable RSS or Atom feed")
    assert bad.error_count == 1  # one feed error, like an HTTP error: not an internal error
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # no traceback
