"""Polling against loopback servers: storage, conditional GET, dedup, back-off, refusals."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from silkwire.core.http import SIZE_LIMITS
from silkwire.news.models import CountryPage
from silkwire.wire.dedup import LINK
from silkwire.wire.drafts import dismiss
from silkwire.wire.models import Feed, StoryGroup, WireItem, WireTombstone
from silkwire.wire.polling import poll_due_feeds, poll_feed, prune
from tests.conftest_http import Reply
from tests.wire.conftest import RSS, feed_bytes

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def make_feed(url: str, **kwargs) -> Feed:
    kwargs.setdefault("name", "Steppe Wire")
    return Feed.objects.create(url=url, **kwargs)


def test_first_poll_stores_every_entry_and_the_second_adds_none(serve_feed):
    feed = make_feed(serve_feed("rss2_steppe.xml"), timezone="Asia/Almaty")
    first = poll_feed(feed, now=NOW)
    assert (first.outcome, first.http_status, first.entries, first.new) == ("new", 200, 5, 5)
    second = poll_feed(feed, now=NOW + timedelta(minutes=30))
    assert (second.outcome, second.new, second.updated) == ("unchanged", 0, 0)
    assert WireItem.objects.filter(feed=feed).count() == 5

    metro = WireItem.objects.get(title="Almaty metro opens second line")
    assert (
        metro.link == f"http://127.0.0.1:{feed.url.split(':')[2].split('/')[0]}/news/almaty-metro"
    )
    assert metro.published == datetime(2026, 11, 20, 4, 30, tzinfo=UTC)  # Almaty wall time
    weather = WireItem.objects.get(title="Weather: snow in the north")
    assert weather.date_missing and weather.published is None and weather.sort_at == NOW
    assert weather.last_seen_at == NOW + timedelta(minutes=30)
    floods = WireItem.objects.get(link__endswith="/news/floods")
    assert floods.title == "Breaking: floods in Turkestan region"
    assert "<" not in floods.summary

    feed.refresh_from_db()
    assert feed.ttl_minutes == 15 and feed.site_url == "https://steppe.example.kz/"
    assert feed.error_count == 0 and feed.last_status == 200
    # 5 entries this week → 7 days / 5 ≈ 34 h, bounded to 24 h (jitter only shortens it here).
    delay = feed.next_check_at - (NOW + timedelta(minutes=30))
    assert timedelta(hours=21, minutes=30) <= delay <= timedelta(hours=24)


def test_conditional_get_answers_304(loopback):
    body = feed_bytes("rss2_steppe.xml")

    def conditional(seen):
        if seen.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(
            200,
            body,
            {"Content-Type": RSS, "ETag": '"v1"', "Last-Modified": "Fri, 20 Nov 2026 10:00:00 GMT"},
        )

    feed = make_feed(loopback.route("/feed", conditional))
    assert poll_feed(feed, now=NOW).new == 5
    result = poll_feed(feed, now=NOW + timedelta(hours=1))
    assert (result.outcome, result.http_status, result.new) == ("not_modified", 304, 0)
    sent = loopback.requests[-1].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Fri, 20 Nov 2026 10:00:00 GMT"
    assert "Silkwire/" in sent["user-agent"]
    feed.refresh_from_db()
    assert feed.last_status == 304 and feed.last_checked_at == NOW + timedelta(hours=1)


def test_an_edited_entry_updates_its_item(loopback):
    body = feed_bytes("rss2_steppe.xml")
    url = loopback.route("/feed", Reply(200, body, {"Content-Type": RSS}))
    feed = make_feed(url)
    poll_feed(feed, now=NOW)
    loopback.route(
        "/feed",
        Reply(200, body.replace(b"base rate to 17%", b"base rate to 17.5%"), {"Content-Type": RSS}),
    )
    result = poll_feed(feed, now=NOW + timedelta(hours=1))
    assert (result.new, result.updated) == (0, 1)
    assert WireItem.objects.filter(title="Kazakhstan raises base rate to 17.5%").count() == 1
    assert WireItem.objects.filter(feed=feed).count() == 5


def test_dismissed_items_never_come_back(serve_feed):
    feed = make_feed(serve_feed("rss2_steppe.xml"))
    poll_feed(feed, now=NOW)
    item = WireItem.objects.get(title="Weather: snow in the north")
    dismiss(item)
    assert WireTombstone.objects.filter(feed=feed, external_id=item.external_id).exists()
    WireItem.objects.filter(pk=item.pk).delete()  # as retention pruning would, later
    result = poll_feed(feed, now=NOW + timedelta(hours=1))
    assert result.new == 0 and result.skipped == 1
    assert not WireItem.objects.filter(title="Weather: snow in the north").exists()


def test_feed_with_broken_guids_degrades_to_links_and_keeps_every_item(serve_feed):
    feed = make_feed(serve_feed("rss2_broken_guids.xml"), name="Briefs")
    result = poll_feed(feed, now=NOW)
    assert result.new == 12
    assert any("degraded" in w for w in result.warnings)
    feed.refresh_from_db()
    assert feed.unicity == LINK
    assert poll_feed(feed, now=NOW + timedelta(hours=1)).new == 0


def test_a_feed_whose_guids_break_later_is_rekeyed_without_duplicates(loopback):
    def body(guid) -> bytes:
        items = "".join(
            f"<item><title>Item {i}</title><link>https://x.example/{i}</link>"
            f"<guid isPermaLink='false'>{guid(i)}</guid></item>"
            for i in range(12)
        )
        return f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()

    url = loopback.route("/feed", Reply(200, body(lambda i: f"g{i}"), {"Content-Type": RSS}))
    feed = make_feed(url)
    assert poll_feed(feed, now=NOW).new == 12
    dismiss(WireItem.objects.get(title="Item 3"))
    loopback.route("/feed", Reply(200, body(lambda i: "same"), {"Content-Type": RSS}))
    result = poll_feed(feed, now=NOW + timedelta(hours=1))
    feed.refresh_from_db()
    assert feed.unicity == LINK
    assert (result.new, result.skipped) == (0, 1)
    assert WireItem.objects.filter(feed=feed).count() == 12
    assert poll_feed(feed, now=NOW + timedelta(hours=2)).new == 0


def test_duplicate_guids_within_tolerance_are_told_apart(loopback):
    items = "".join(
        f"<item><title>Item {i}</title><link>https://x.example/{i}</link>"
        f"<guid isPermaLink='false'>{'dup' if i in (1, 2) else f'g{i}'}</guid></item>"
        for i in range(1, 21)
    )
    body = f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()
    feed = make_feed(loopback.route("/feed", Reply(200, body, {"Content-Type": RSS})))
    assert poll_feed(feed, now=NOW).new == 20
    feed.refresh_from_db()
    assert feed.unicity == "guid"  # 1 duplicate in 20 is tolerated
    assert poll_feed(feed, now=NOW).new == 0


def test_malformed_feed_yields_its_entries(serve_feed):
    feed = make_feed(serve_feed("malformed.xml", content_type="application/xml"))
    result = poll_feed(feed, now=NOW)
    assert result.new >= 1 and result.outcome == "new"
    assert WireItem.objects.filter(title="Tashkent hosts a regional summit").exists()
    assert any("not well-formed" in w for w in result.warnings)


def test_non_utf8_feeds(serve_feed):
    cp1251 = make_feed(serve_feed("rss2_cp1251.xml", content_type="application/rss+xml"))
    koi8 = make_feed(
        serve_feed("rss2_koi8r.xml", content_type="application/rss+xml; charset=koi8-r")
    )
    poll_feed(cp1251, now=NOW)
    poll_feed(koi8, now=NOW)
    assert WireItem.objects.get(feed=cp1251).title == "В Фергане открыли новый рынок"
    assert WireItem.objects.get(feed=koi8).title == "Таджикистан и Киргизия договорились о границе"


def test_a_web_page_is_an_error_with_back_off(serve_feed):
    feed = make_feed(serve_feed("not_a_feed.html", content_type="text/html"))
    result = poll_feed(feed, now=NOW)
    assert result.outcome == "error" and "not a web page" in result.error
    feed.refresh_from_db()
    assert feed.error_count == 1
    assert timedelta(minutes=4, seconds=30) <= feed.next_check_at - NOW <= timedelta(minutes=6)


def test_repeated_failures_back_off_exponentially_then_disable(loopback, settings):
    settings.SILKWIRE_WIRE_ERROR_LIMIT = 4
    feed = make_feed(loopback.url("/gone"))
    delays = []
    for _ in range(3):
        result = poll_feed(feed, now=NOW)
        delays.append(result.next_check_at - NOW)
        assert result.outcome == "error" and result.http_status == 404
    assert delays[0] < delays[1] < delays[2]
    assert delays[2] >= timedelta(minutes=18)  # 20 min ± 10 %
    assert poll_feed(feed, now=NOW).outcome == "disabled"
    feed.refresh_from_db()
    assert feed.disabled_at == NOW and feed.error_count == 4
    assert feed not in Feed.objects.due(NOW + timedelta(days=30))
    # A successful poll (an operator asked for it) brings it back.
    loopback.route("/gone", Reply(200, feed_bytes("rss091.xml"), {"Content-Type": "text/xml"}))
    assert poll_feed(feed, now=NOW).outcome == "new"
    feed.refresh_from_db()
    assert feed.disabled_at is None and feed.error_count == 0


def test_retry_after_is_honoured_without_counting_as_a_failure(loopback):
    url = loopback.route("/busy", status=429, headers={"Retry-After": "3600"})
    feed = make_feed(url)
    result = poll_feed(feed, now=NOW)
    assert result.outcome == "rate_limited"
    feed.refresh_from_db()
    assert feed.error_count == 0 and feed.next_check_at == NOW + timedelta(hours=1)


def test_redirect_to_a_private_address_is_refused(settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    asked = []

    def handler(request):
        asked.append(request.url.host)
        return httpx.Response(302, headers={"Location": "http://feeds.internal.example/rss"})

    def resolver(host, port):
        return {"wire.example.com": ["93.184.216.34"], "feeds.internal.example": ["192.168.1.10"]}[
            host
        ]

    feed = make_feed("http://wire.example.com/rss")
    result = poll_feed(feed, now=NOW, transport=httpx.MockTransport(handler), resolver=resolver)
    assert result.outcome == "error"
    assert "AddressNotAllowed" in result.error and "192.168.1.10" in result.error
    assert asked == ["wire.example.com"]


def test_loopback_feed_is_refused_when_private_fetching_is_off(serve_feed, settings):
    feed = make_feed(serve_feed("rss2_steppe.xml"))
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = False
    result = poll_feed(feed, now=NOW)
    assert result.outcome == "error" and "loopback" in result.error


def test_slow_feed_times_out(loopback):
    feed = make_feed(loopback.route("/slow", delay=3, body=b"<rss/>"))
    result = poll_feed(feed, now=NOW, timeout=0.5)
    assert result.outcome == "error" and "FetchTimeout" in result.error


def test_oversized_feed_is_refused_at_the_feed_cap(loopback):
    big = b"<rss>" + b" " * SIZE_LIMITS["feed"] + b"</rss>"
    feed = make_feed(loopback.route("/huge", Reply(200, big, {"Content-Type": RSS}, chunked=True)))
    result = poll_feed(feed, now=NOW)
    assert result.outcome == "error" and "ResponseTooLarge" in result.error


def test_unreachable_feed_is_an_error(settings):
    settings.SILKWIRE_FETCH_ALLOW_PRIVATE = True
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    result = poll_feed(make_feed(f"http://127.0.0.1:{port}/rss"), now=NOW)
    assert result.outcome == "error" and "FetchFailed" in result.error


def test_entries_older_than_retention_are_not_stored(serve_feed, settings):
    settings.SILKWIRE_WIRE_RETENTION_DAYS = 1
    feed = make_feed(serve_feed("rss2_steppe.xml"))
    result = poll_feed(feed, now=NOW + timedelta(days=3))
    # Four dated entries are too old; the undated one is new today.
    assert (result.new, result.skipped) == (1, 4)


def test_prune_deletes_old_items_but_keeps_tombstones(serve_feed, settings):
    feed = make_feed(serve_feed("rss2_steppe.xml"))
    poll_feed(feed, now=NOW)
    dismiss(WireItem.objects.get(title="Almaty metro opens second line"))
    settings.SILKWIRE_WIRE_RETENTION_DAYS = 30
    assert prune(now=NOW + timedelta(days=10)) == 0
    deleted = prune(now=NOW + timedelta(days=40))
    assert deleted >= 5
    assert WireItem.objects.count() == 0 and StoryGroup.objects.count() == 0
    assert WireTombstone.objects.count() == 1


def test_poll_due_feeds_skips_disabled_and_not_yet_due(serve_feed):
    due = make_feed(serve_feed("rss2_steppe.xml"), next_check_at=NOW - timedelta(minutes=1))
    later = make_feed(
        serve_feed("atom_pamir.xml"), name="Pamir", next_check_at=NOW + timedelta(hours=1)
    )
    off = make_feed(serve_feed("rss091.xml"), name="Old", disabled_at=NOW)
    results = poll_due_feeds(now=NOW)
    assert [r.feed_id for r in results] == [due.pk]
    assert not later.items.exists() and not off.items.exists()


# --- stories across feeds -------------------------------------------------------------------


def test_same_headline_from_two_outlets_is_one_story_with_two_items(serve_feed):
    steppe = make_feed(serve_feed("rss2_steppe.xml"))
    pamir = make_feed(
        serve_feed("atom_pamir.xml", content_type="application/atom+xml"),
        name="Pamir Post",
        country=CountryPage.objects.get(slug="tajikistan"),
    )
    poll_feed(steppe, now=NOW)
    poll_feed(pamir, now=NOW)
    border = WireItem.objects.filter(title="Uzbekistan and Tajikistan open a new border crossing")
    assert border.count() == 2
    assert {i.feed_id for i in border} == {steppe.pk, pamir.pk}
    assert len({i.story_id for i in border}) == 1
    story = border.first().story
    assert story.items.count() == 2
    assert WireItem.objects.get(title="Rogun dam: second turbine starts").story != story


def test_same_canonical_url_groups_even_with_different_headlines(loopback, serve_feed):
    steppe = make_feed(serve_feed("rss2_steppe.xml"))
    poll_feed(steppe, now=NOW)
    body = (
        b'<rss version="2.0"><channel><title>Aggregator</title><item>'
        b"<title>New checkpoint opens between Uzbekistan and Tajikistan</title>"
        b"<link>http://asiaplus.example.tj/en/news/border-crossing?utm_medium=feed</link>"
        b"<guid isPermaLink='false'>agg-1</guid></item></channel></rss>"
    )
    aggregator = make_feed(
        loopback.route("/agg", Reply(200, body, {"Content-Type": RSS})), name="Aggregator"
    )
    poll_feed(aggregator, now=NOW)
    mirrored = WireItem.objects.get(feed=aggregator)
    original = WireItem.objects.get(feed=steppe, link__endswith="/news/border")
    assert mirrored.story_id == original.story_id


def test_same_headline_outside_the_window_is_another_story(loopback, settings):
    settings.SILKWIRE_WIRE_GROUP_WINDOW_HOURS = 24

    def feed_with(date: str, slug: str) -> bytes:
        return (
            '<rss version="2.0"><channel><title>T</title><item>'
            "<title>Government approves the new tax code</title>"
            f"<link>https://{slug}.example/tax</link><pubDate>{date}</pubDate>"
            "</item></channel></rss>"
        ).encode()

    one = make_feed(
        loopback.route("/one", Reply(200, feed_with("Mon, 16 Nov 2026 10:00:00 +0000", "a"))),
        name="One",
    )
    two = make_feed(
        loopback.route("/two", Reply(200, feed_with("Thu, 19 Nov 2026 10:00:00 +0000", "b"))),
        name="Two",
    )
    poll_feed(one, now=NOW)
    poll_feed(two, now=NOW)
    assert WireItem.objects.values("story").distinct().count() == 2


def test_poll_due_feeds_keeps_to_its_time_budget(loopback):
    slow = make_feed(loopback.route("/slow", delay=0.3, body=b""), next_check_at=NOW)
    other = make_feed(loopback.url("/other"), name="Other", next_check_at=NOW)
    results = poll_due_feeds(now=NOW, budget_seconds=0.1)
    assert [r.feed_id for r in results] == [slow.pk]
    assert other in Feed.objects.due(NOW)


def test_a_feed_that_moved_for_good_is_followed_after_three_polls(loopback, serve_feed):
    new_url = serve_feed("rss2_steppe.xml", path="/new.xml")
    loopback.route("/old.xml", status=301, headers={"Location": "/new.xml"})
    loopback.route("/tmp.xml", status=302, headers={"Location": "/new.xml"})
    feed = make_feed(loopback.url("/old.xml"))
    for poll in range(1, 4):
        result = poll_feed(feed, now=NOW)
        feed.refresh_from_db()
        assert result.http_status == 200
        if poll < 3:
            assert feed.url == loopback.url("/old.xml") and feed.moved_count == poll
    assert feed.url == new_url and feed.moved_count == 0
    assert any("moved permanently" in w for w in result.warnings)
    # A temporary redirect is followed but never adopted.
    temporary = make_feed(loopback.url("/tmp.xml"), name="Temporary")
    for _ in range(4):
        poll_feed(temporary, now=NOW)
    temporary.refresh_from_db()
    assert temporary.url == loopback.url("/tmp.xml") and temporary.moved_count == 0
