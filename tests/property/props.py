"""The parser properties, shared by the suite (small budget) and ``bench/fuzz.py`` (long runs).

Each property is a plain ``check(value)`` that raises AssertionError (or the parser's stray
exception) when the parser breaks its contract, paired with the strategy that feeds it.
``PROPERTIES`` maps a name to ``(strategy, check)``; the tests in this package wrap each
one in ``@given`` with ``SUITE``, and the bench runs the same pairs for minutes.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from datetime import UTC, date, datetime
from decimal import Decimal
from html.parser import HTMLParser

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from silkwire.core.sanitize import (
    ATTRIBUTES,
    INLINE_TAGS,
    RICH_TAGS,
    sanitize_inline,
    sanitize_rich,
)
from silkwire.ingest import text as text_mod
from silkwire.ingest.html import ExtractionError, extract_page
from silkwire.ingest.text import lines as text_lines
from silkwire.ingest.wordpress.content import convert_content
from silkwire.ingest.wordpress.parse import WXRError, WXRReader
from silkwire.rates.providers import PROVIDERS, cbr, nbkr
from silkwire.rates.providers.base import PayloadError, Quote
from silkwire.wire.feeds import EARLIEST, FUTURE_TOLERANCE, FeedParseError, parse_feed
from tests.property import strategies as s

# The suite's budget: stable in CI (derandomized, no example database), a second or two each.
# No shrinking here: a failure shows the generated input as it is, and
# ``bench/fuzz.py --only NAME`` finds the minimal one.
SUITE = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# trafilatura reads each page twice: the extraction property gets a smaller share.
SUITE_SLOW = settings(SUITE, max_examples=25)
NOW = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)

# --- HTML safety ---------------------------------------------------------------------------------

_DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
# Browsers drop these anywhere in a URL before reading its scheme ("java\tscript:").
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def assert_safe_html(html: str, allowed_tags: set[str]) -> None:
    """Fail when ``html`` carries a tag, attribute or URL the sanitiser must have removed."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in allowed_tags, f"tag <{tag}> survived in {html!r}"
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler {name} survived in {html!r}"
            # nh3 keeps its generic "lang" and "title" on any tag (plain text values).
            allowed = ATTRIBUTES.get(tag, set()) | {"rel", "lang", "title"}
            assert name in allowed, f"{tag}@{name} in {html!r}"
            if name in ("href", "src"):
                url = _URL_NOISE.sub("", value or "").lower()
                assert not url.startswith(_DANGEROUS_SCHEMES), f"{name}={value!r} in {html!r}"
    assert "<script" not in html.lower(), html


def check_sanitize_inline(html: str) -> None:
    once = sanitize_inline(html)
    assert_safe_html(once, INLINE_TAGS)
    assert sanitize_inline(once) == once, "sanitize_inline is not idempotent"


def check_sanitize_rich(html: str) -> None:
    once = sanitize_rich(html)
    assert_safe_html(once, RICH_TAGS)
    assert sanitize_rich(once) == once, "sanitize_rich is not idempotent"


# --- plain text ----------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def _words(value: str) -> Counter[str]:
    return Counter(_WORD.findall(value))


def _output_words(result: dict) -> Counter[str]:
    words: Counter[str] = Counter()
    for article in result["articles"]:
        words += _words(article["title"] or "")
        for block in article["blocks"]:
            kind = block["type"]
            if kind in ("paragraph", "heading"):
                words += _words(block["text"])
            elif kind == "list":
                for item in block["items"]:
                    words += _words(item)
            else:
                assert kind == "turn", block
                words += _words(block["speaker"])
                for para in block["paragraphs"]:
                    words += _words(para)
    return words


def _input_words(text: str) -> Counter[str]:
    """Words the structurer must keep: every line except ticker and date lines, minus list markers."""
    words: Counter[str] = Counter()
    for raw in text_lines.normalize_text(text).split("\n"):
        stripped = raw.strip(text_lines._WS)
        if not stripped or text_lines._parse_rates(stripped) is not None:
            continue
        if text_lines._parse_date_line(stripped) not in (None, False):
            continue
        item = text_lines._BULLET.match(raw) or text_lines._NUMBERED.match(raw)
        words += _words(item.group("text") if item else stripped)
    return words


def check_structure_plain_text(text: str) -> None:
    result = text_mod.structure_plain_text(text)
    json.dumps(result)  # the --json output
    assert set(result) <= {"date", "rates", "articles", "warnings"}
    if result["date"] is not None:
        date.fromisoformat(result["date"])
    for rate in result["rates"]:
        assert re.fullmatch(r"[A-Z]{3}/[A-Z]{3}", rate["pair"]), rate
        assert re.fullmatch(r"\d+(\.\d+)?", rate["value"]), rate
        assert rate["change_pct"] is None or re.fullmatch(r"-?\d+(\.\d+)?", rate["change_pct"])
    for article in result["articles"]:
        assert article["title"] is None or article["title"].strip(), article
    # Rule 8: every non-blank line other than ticker and date lines ends up in exactly one
    # block, so no word is lost and none is invented (or doubled).
    assert _output_words(result) == _input_words(text)


# --- rates ---------------------------------------------------------------------------------------


def _assert_decimal(value: object) -> None:
    assert type(value) is Decimal, f"{value!r} is a {type(value).__name__}, not a Decimal"
    assert value.is_finite() and value > 0, value
    assert Decimal(str(value)) == value, f"{value!r} does not round-trip"


def _check_quotes(parse, payload: bytes) -> None:
    try:
        quotes = parse(payload)
    except PayloadError:
        return
    assert isinstance(quotes, list)
    for quote in quotes:
        assert isinstance(quote, Quote)
        _assert_decimal(quote.units_per_usd)
        _assert_decimal(quote.usd_value)
        assert isinstance(quote.rate_date, date)
        assert quote.currency and isinstance(quote.raw, str)
        assert quote.significant_digits >= 0


def _rates_check(code: str):
    def check(payload: bytes) -> None:
        _check_quotes(PROVIDERS[code].parse, payload)

    check.__name__ = f"check_rates_{code}"
    return check


def check_cbr_dynamic(payload: bytes) -> None:
    try:
        series = cbr.parse_dynamic(payload)
    except PayloadError:
        return
    for day, value in series:
        assert isinstance(day, date)
        _assert_decimal(value)


def check_nbkr_history(payload: bytes) -> None:
    _check_quotes(nbkr.parse_history, payload)


def check_nbkr_weekly(payload: bytes) -> None:
    row = nbkr.Row("USD", "87,45")
    _check_quotes(lambda data: nbkr.parse(data, kgs_per_usd_row=row), payload)


# --- feeds, pages, WordPress ----------------------------------------------------------------------

_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _http_or_empty(url: str) -> bool:
    return url == "" or url.startswith(("http://", "https://"))


def check_feed(payload: bytes) -> None:
    try:
        feed = parse_feed(payload, url="https://example.com/feed.xml", now=NOW)
    except FeedParseError:
        return
    assert feed.ttl_minutes is None or isinstance(feed.ttl_minutes, int)
    assert _http_or_empty(feed.link), feed.link
    for entry in feed.entries:
        assert _http_or_empty(entry.link) and _http_or_empty(entry.canonical_link), entry
        assert entry.title and len(entry.title) <= 1000
        assert len(entry.summary) <= 1201
        if entry.published is not None:
            assert entry.published.utcoffset().total_seconds() == 0
            assert EARLIEST <= entry.published <= NOW + FUTURE_TOLERANCE


_BLOCK_TYPES = {"paragraph", "heading", "list", "quote", "rich_text", "embed", "_image", "_gallery"}


def _check_blocks(blocks: list[dict]) -> None:
    for block in blocks:
        assert block["type"] in _BLOCK_TYPES, block
        if block["type"] == "paragraph":
            assert ("text" in block) != ("html" in block), block
            if "html" in block:
                assert_safe_html(block["html"], INLINE_TAGS)
        elif block["type"] == "rich_text":
            assert_safe_html(block["html"], RICH_TAGS)
        elif block["type"] == "heading":
            assert block["text"] and len(block["text"]) <= 255
        elif block["type"] == "embed":
            assert block["url"].startswith(("http://", "https://")), block
        elif block["type"] == "list":
            assert block["items"] and all(isinstance(i, str) and i for i in block["items"])


def check_extract_page(payload: bytes) -> None:
    try:
        page = extract_page(payload, url="https://example.com/news/1")
    except ExtractionError:
        return
    assert 1 <= len(page.title) <= 1000
    assert len(page.text) >= 100
    assert not _ILLEGAL_XML.search(page.text + page.title + page.author)
    # The source link is shown on the public article page: never a javascript: URL.
    assert _http_or_empty(page.canonical_url), page.canonical_url
    assert page.published is None or isinstance(page.published, datetime)
    _check_blocks(page.blocks)
    json.dumps(page.as_report())


def check_wxr(payload: bytes) -> None:
    reader = WXRReader(io.BytesIO(payload), "export.xml")
    try:
        items = list(reader.items())
    except WXRError:
        return
    assert reader.channel.wxr_version
    for item in items:
        assert isinstance(item.post_id, int)
        for value in (item.title, item.content, item.excerpt, item.creator, *item.meta.values()):
            assert isinstance(value, str)
            assert s.ENTITY_EXPANSION not in value, "a declared entity was expanded"
    assert all(isinstance(w, str) for w in reader.warnings)


def check_convert_content(content: str) -> None:
    conversion = convert_content(content)
    _check_blocks(conversion.blocks)
    assert all(isinstance(line, str) for line in conversion.warning_lines())


PROPERTIES = {
    "sanitize_inline": (s.hostile_html(), check_sanitize_inline),
    "sanitize_rich": (s.hostile_html(), check_sanitize_rich),
    "structure_plain_text": (
        st.one_of(s.plain_text_page(), s.hostile_text()),
        check_structure_plain_text,
    ),
    "rates_cbr": (st.one_of(s.valcurs_payload(), st.binary()), _rates_check("cbr")),
    "rates_cbr_dynamic": (s.valcurs_dynamic_payload(), check_cbr_dynamic),
    "rates_nbt": (s.valcurs_payload(), _rates_check("nbt")),
    "rates_nbk": (s.nbk_payload(), _rates_check("nbk")),
    "rates_nbkr": (s.nbkr_payload(), _rates_check("nbkr")),
    "rates_nbkr_weekly": (s.nbkr_payload(), check_nbkr_weekly),
    "rates_nbkr_history": (s.nbkr_history_payload(), check_nbkr_history),
    "rates_cbt": (s.cbt_payload(), _rates_check("cbt")),
    "rates_cbu": (st.one_of(s.cbu_payload(), st.binary()), _rates_check("cbu")),
    "feeds": (st.one_of(s.feed_payload(), s.mixed_bytes()), check_feed),
    "html_extract": (s.article_page(), check_extract_page),
    "wordpress_wxr": (s.wxr_payload(), check_wxr),
    "wordpress_content": (s.wp_content(), check_convert_content),
}
