"""Feed bytes → entries (pure): formats, dates, links, encodings, markup, broken feeds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from silkwire.wire.feeds import FeedParseError, parse_date, parse_feed
from tests.wire.conftest import feed_bytes

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def parse(name: str, tz: str = "UTC", content_type: str = "application/rss+xml"):
    return parse_feed(
        feed_bytes(name),
        url=f"https://feeds.example.org/{name}",
        content_type=content_type,
        tz_name=tz,
        now=NOW,
    )


def test_rss2_entries_and_channel():
    feed = parse("rss2_steppe.xml", tz="Asia/Almaty")
    assert feed.title == "Steppe Wire"
    assert feed.link == "https://steppe.example.kz/"
    assert feed.ttl_minutes == 15
    assert not feed.bozo and feed.warnings == []
    assert [e.title for e in feed.entries] == [
        "Kazakhstan raises base rate to 17%",
        "Almaty metro opens second line",
        "Breaking: floods in Turkestan region",
        "Uzbekistan and Tajikistan open a new border crossing",
        "Weather: snow in the north",
    ]


def test_missing_guid_and_relative_link_resolve_against_the_feed():
    metro = parse("rss2_steppe.xml").entries[1]
    assert metro.guid == ""
    assert metro.link == "https://feeds.example.org/news/almaty-metro"
    assert metro.canonical_link == metro.link


def test_permalink_guid_stands_in_for_a_missing_link():
    weather = parse("rss2_steppe.xml").entries[4]
    assert weather.link == "https://steppe.example.kz/news/weather-snow"
    assert weather.published is None  # no date: the poller uses first-seen time


def test_feedburner_origlink_is_the_canonical_link():
    border = parse("rss2_steppe.xml").entries[3]
    assert border.link == "https://steppe.example.kz/news/border"
    assert border.canonical_link == "https://www.asiaplus.example.tj/en/news/border-crossing/"


def test_dates_with_and_without_offsets():
    entries = parse("rss2_steppe.xml", tz="Asia/Almaty").entries
    assert entries[0].published == datetime(2026, 11, 20, 5, 0, tzinfo=UTC)  # +0500 given
    # "2026-11-20 09:30:00" has no offset: read in the feed's zone (Almaty, UTC+5).
    assert entries[1].published == datetime(2026, 11, 20, 4, 30, tzinfo=UTC)
    # Russian month name, no offset.
    assert entries[2].published == datetime(2026, 11, 20, 3, 15, tzinfo=UTC)
    assert entries[3].published == datetime(2026, 11, 19, 16, 0, tzinfo=UTC)  # GMT
    # The same feed read as UTC shifts only the offset-less dates.
    as_utc = parse("rss2_steppe.xml", tz="UTC").entries
    assert as_utc[0].published == entries[0].published
    assert as_utc[1].published == datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "raw, tz, expected",
    [
        ("Fri, 20 Nov 2026 10:00:00 +0500", "UTC", datetime(2026, 11, 20, 5, tzinfo=UTC)),
        ("Fri, 20 Nov 2026 10:00:00", "Asia/Tashkent", datetime(2026, 11, 20, 5, tzinfo=UTC)),
        ("2026-11-20T10:00:00Z", "Asia/Bishkek", datetime(2026, 11, 20, 10, tzinfo=UTC)),
        ("2026-11-20T10:00:00", "Asia/Bishkek", datetime(2026, 11, 20, 4, tzinfo=UTC)),
        ("20 ноября 2026 г., 10:00", "Asia/Dushanbe", datetime(2026, 11, 20, 5, tzinfo=UTC)),
        ("3 қараша 2026", "Asia/Almaty", datetime(2026, 11, 2, 19, tzinfo=UTC)),
        ("not a date", "UTC", None),
        ("", "UTC", None),
    ],
)
def test_parse_date(raw, tz, expected):
    assert parse_date(raw, tz) == expected


def test_markup_and_scripts_never_reach_titles_or_summaries():
    floods = parse("rss2_steppe.xml").entries[2]
    assert floods.title == "Breaking: floods in Turkestan region"
    assert floods.summary == "Rivers rose overnight in the Turkestan region."
    for entry in parse("rss2_steppe.xml").entries:
        for text in (entry.title, entry.summary):
            assert "<" not in text and "alert" not in text and "steal" not in text


def test_atom_with_xml_base_and_updated_only():
    feed = parse("atom_pamir.xml", content_type="application/atom+xml")
    border, rogun = feed.entries
    assert border.guid == "tag:pamir.example.tj,2026:1"
    assert border.link == "https://pamir.example.tj/en/news/border-crossing"
    assert border.published == datetime(2026, 11, 19, 16, 30, tzinfo=UTC)  # from <updated>
    assert rogun.published == datetime(2026, 11, 20, 6, 0, tzinfo=UTC)  # <published> wins
    assert rogun.summary.startswith("Tajikistan's Rogun")  # from <content>


def test_rss1_rdf_and_rss091():
    rdf = parse("rss1_rdf.xml", tz="Asia/Bishkek", content_type="application/rdf+xml")
    assert [e.link for e in rdf.entries] == ["https://old.example.kg/1", "https://old.example.kg/2"]
    assert rdf.entries[1].published == datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
    old = parse("rss091.xml", content_type="text/xml")
    assert old.entries[0].title == "Turkmenistan gas exports to China grow"


def test_windows_1251_declared_in_the_prolog():
    raw = feed_bytes("rss2_cp1251.xml")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    feed = parse("rss2_cp1251.xml", content_type="application/rss+xml")
    assert feed.title == "Вести Ферганы"
    assert feed.entries[0].title == "В Фергане открыли новый рынок"


def test_koi8r_declared_only_by_http():
    feed = parse("rss2_koi8r.xml", content_type="application/rss+xml; charset=koi8-r")
    assert feed.entries[0].title == "Таджикистан и Киргизия договорились о границе"


def test_malformed_feed_still_yields_its_entries_with_a_warning():
    feed = parse("malformed.xml")
    assert feed.bozo
    assert feed.entries[0].title == "Tashkent hosts a regional summit"
    assert feed.entries[0].summary == "Leaders met in Tashkent to discuss water & energy."
    assert any("not well-formed" in w for w in feed.warnings)


def test_a_web_page_is_not_a_feed():
    with pytest.raises(FeedParseError, match="not a web page"):
        parse("not_a_feed.html", content_type="text/html")


def test_entity_declarations_are_refused_before_parsing():
    with pytest.raises(FeedParseError, match="entities"):
        parse("entity_bomb.xml")


def test_dates_in_the_far_future_or_past_are_dropped():
    body = (
        b'<rss version="2.0"><channel><title>t</title>'
        b"<item><title>future</title><link>https://x.example/1</link>"
        b"<pubDate>Fri, 20 Nov 2099 10:00:00 +0000</pubDate></item>"
        b"<item><title>past</title><link>https://x.example/2</link>"
        b"<pubDate>Fri, 20 Nov 1970 10:00:00 +0000</pubDate></item></channel></rss>"
    )
    feed = parse_feed(body, url="https://x.example/feed", now=NOW)
    assert [e.published for e in feed.entries] == [None, None]
