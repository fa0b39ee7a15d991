"""Feed parsing: any bytes → FeedParseError or entries with http(s) links and sane dates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.property import strategies as s
from tests.property.props import SUITE, check_feed

# Minimal failing inputs, reported to the lead (the feed parser belongs to the security work):
# - a date near the end of time with a negative offset → OverflowError in parse_date's
#   astimezone(UTC);
# - a character reference beyond U+10FFFF → ValueError "chr() arg not in range" from
#   feedparser.parse.
OVERFLOWING_DATE_FEED = (
    b'<rss version="2.0"><channel><title>W</title><item><title>a</title>'
    b"<link>https://example.com/1</link><pubDate>9999-12-31T23:59:59-23:59</pubDate>"
    b"</item></channel></rss>"
)
OUT_OF_RANGE_REFERENCE_FEED = (
    b'<rss version="2.0"><channel><title>W</title><item><title>a&#x110000;b</title>'
    b"<link>https://example.com/1</link></item></channel></rss>"
)


@SUITE
@given(st.one_of(s.feed_payload(), s.mixed_bytes()))
def test_parse_feed_gives_a_feed_error_or_safe_entries(payload):
    check_feed(payload)


@pytest.mark.parametrize("payload", [OVERFLOWING_DATE_FEED, OUT_OF_RANGE_REFERENCE_FEED])
def test_minimal_hostile_feeds_give_a_feed_error_or_entries(payload):
    check_feed(payload)
