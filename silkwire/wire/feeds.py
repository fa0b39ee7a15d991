"""RSS 0.9x/1.0/2.0 and Atom → plain entries. Pure: bytes in, dataclasses out.

docs/import-notes.md B.1/B.2: feedparser parses *bytes* we fetched ourselves (never a URL);
``bozo`` with entries is a warning, not a failure; dates without an offset are read in the
feed's time zone; titles and summaries become plain text (feeds put HTML and even scripts
in titles). D.1: a body that declares entities or a DOCTYPE internal subset is refused
before it reaches the XML parser (billion laughs / quadratic blowup).
"""

from __future__ import annotations

import io
import pyexpat
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import feedparser

from silkwire.ingest.html import plain_text

MAX_TITLE_CHARS = 1000
MAX_SUMMARY_CHARS = 1200
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_TOLERANCE = timedelta(days=1)
# Benign bozo exceptions: the feed parsed, only its declared encoding or type was off.
BENIGN_BOZO = (
    feedparser.CharacterEncodingOverride,
    feedparser.CharacterEncodingUnknown,
    feedparser.NonXMLContentType,
)
_DANGEROUS_DTD = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.I)
# A numeric character reference past U+10FFFF makes feedparser's chr() raise; such a
# reference becomes U+FFFD so the rest of the feed is still read.
_HUGE_CHARREF = re.compile(rb"&#(?:[0-9]{8,}|[0-9]{7}|[xX]0*[0-9a-fA-F]{7,});")
MAX_TTL_MINUTES = 7 * 24 * 60

# Month names (genitive and nominative) in the languages of the region, for dates like
# "20 ноября 2026 10:30" that feedparser does not know (it ships Korean, Greek, Hungarian).
_MONTHS = {
    1: "января январь yanvar январ қаңтар қантар",
    2: "февраля февраль fevral феврал ақпан",
    3: "марта март mart наурыз",
    4: "апреля апрель aprel апрел сәуір",
    5: "мая май may мамыр",
    6: "июня июнь iyun июн маусым",
    7: "июля июль iyul июл шілде",
    8: "августа август avgust тамыз",
    9: "сентября сентябрь sentyabr сентябр қыркүйек",
    10: "октября октябрь oktyabr октябр қазан",
    11: "ноября ноябрь noyabr ноябр қараша",
    12: "декабря декабрь dekabr декабр желтоқсан",
}
MONTH_NUMBERS = {name: n for n, names in _MONTHS.items() for name in names.split()}
_LOCAL_DATE = re.compile(
    r"(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})(?:\s*(?:г\.?|ж\.?|yil)?[,\s]+(\d{1,2})[:.](\d{2}))?",
    re.I,
)

# docs/import-notes.md D.1 asks for Expat >= 2.6.0 (its own billion-laughs / large-token guards).
# With an older Expat we rely on refusing entity declarations before parsing (below) and on
# the 15 MiB body cap of the fetch.
EXPAT_HAS_GUARDS = pyexpat.version_info >= (2, 6, 0)


class FeedParseError(ValueError):
    """The body is not a feed we can read."""


@dataclass
class FeedEntry:
    guid: str
    link: str  # absolute http(s) URL or ""
    canonical_link: str  # feedburner:origLink → link → rel=alternate → permalink GUID
    title: str
    summary: str
    published: datetime | None  # aware, UTC; None when absent or implausible
    date_raw: str = ""
    author: str = ""


@dataclass
class ParsedFeed:
    title: str
    link: str
    entries: list[FeedEntry]
    ttl_minutes: int | None = None
    bozo: bool = False
    bozo_message: str = ""
    warnings: list[str] = field(default_factory=list)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def parse_date(raw: str, tz_name: str = "UTC") -> datetime | None:
    """Parse a feed date string; a date without an offset is read in ``tz_name``.

    Returns an aware datetime in UTC, or None when the string is not a date we know.
    """
    raw = (raw or "").strip()
    if not raw:
        return None
    dt: datetime | None = None
    try:
        dt = parsedate_to_datetime(raw)  # RFC 822; naive when there is no (or a -0000) zone
    except (TypeError, ValueError, IndexError):
        dt = None
    if dt is None:
        iso = raw.replace("Z", "+00:00").replace("z", "+00:00")
        try:
            dt = datetime.fromisoformat(iso)
        except ValueError:
            dt = None
    if dt is None:
        match = _LOCAL_DATE.search(raw)
        month = MONTH_NUMBERS.get(match.group(2).lower()) if match else None
        if match and month:
            day, year = int(match.group(1)), int(match.group(3))
            hour = int(match.group(4) or 0)
            minute = int(match.group(5) or 0)
            try:
                dt = datetime(year, month, day, hour, minute)
            except ValueError:
                dt = None
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=_zone(tz_name))
    return dt.astimezone(UTC)


def entry_date(entry, tz_name: str, now: datetime | None = None) -> tuple[datetime | None, str]:
    """Return (published in UTC or None, the raw string) for a feedparser entry."""
    raw = entry.get("published") or entry.get("updated") or entry.get("created") or ""
    dt = parse_date(raw, tz_name)
    if dt is None:
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed:
            dt = datetime(*parsed[:6], tzinfo=UTC)
    now = now or datetime.now(UTC)
    if dt is not None and (dt < EARLIEST or dt > now + FUTURE_TOLERANCE):
        return None, raw  # implausible: the caller uses first-seen time instead
    return dt, raw


def _http_url(value: str, base: str) -> str:
    if not value or not isinstance(value, str):
        return ""
    try:
        absolute = urljoin(base, value.strip())
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return ""
    return absolute if urlsplit(absolute).scheme in ("http", "https") else ""


def _truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:—-") + "…"


def _entry(raw, base: str, tz_name: str, now: datetime) -> FeedEntry:
    link = _http_url(raw.get("link", ""), base)
    alternate = next(
        (
            _http_url(lk.get("href", ""), base)
            for lk in raw.get("links", [])
            if lk.get("rel", "alternate") == "alternate" and lk.get("href")
        ),
        "",
    )
    guid = (raw.get("id") or "").strip()
    permalink = _http_url(guid, base) if raw.get("guidislink", True) and guid else ""
    link = link or alternate or permalink
    canonical = _http_url(raw.get("feedburner_origlink", ""), base) or link
    title = plain_text(raw.get("title", ""))[:MAX_TITLE_CHARS]
    body = raw.get("summary") or ""
    if not body and raw.get("content"):
        body = raw["content"][0].get("value", "")
    summary = _truncate(plain_text(body), MAX_SUMMARY_CHARS)
    if not title:
        title = _truncate(summary, 120) or "(untitled)"
    published, date_raw = entry_date(raw, tz_name, now)
    return FeedEntry(
        guid=guid,
        link=link,
        canonical_link=canonical,
        title=title,
        summary=summary,
        published=published,
        date_raw=date_raw,
        author=plain_text(raw.get("author", ""))[:255],
    )


def _huge_charref(match: re.Match) -> bytes:
    text = match.group(0)[2:-1]
    value = int(text[1:], 16) if text[:1] in (b"x", b"X") else int(text)
    return match.group(0) if value <= 0x10FFFF else b"&#xFFFD;"


def parse_feed(
    content: bytes,
    *,
    url: str,
    content_type: str = "",
    tz_name: str = "UTC",
    now: datetime | None = None,
) -> ParsedFeed:
    """Parse a fetched feed body. Raises :class:`FeedParseError` when nothing usable is in it.

    That is the only exception it raises, whatever the bytes: an unexpected failure inside
    the parser is reported as a FeedParseError naming it, so the poll records a readable
    feed error instead of an internal one.
    """
    try:
        return _parse(content, url=url, content_type=content_type, tz_name=tz_name, now=now)
    except FeedParseError:
        raise
    except (ValueError, TypeError, LookupError, OverflowError, UnicodeError, AttributeError) as exc:
        raise FeedParseError(
            f"Not a readable RSS or Atom feed: the parser stopped on {type(exc).__name__}: "
            f"{str(exc)[:200]}. Check the URL points at the feed itself."
        ) from exc


def _parse(
    content: bytes, *, url: str, content_type: str, tz_name: str, now: datetime | None
) -> ParsedFeed:
    if b"<!ENTITY" in content or _DANGEROUS_DTD.search(content[:65536]):
        raise FeedParseError(
            "The feed declares XML entities or a DOCTYPE internal subset; refused (entity "
            "expansion attacks). Ask the publisher for a plain RSS/Atom feed."
        )
    content = _HUGE_CHARREF.sub(_huge_charref, content)
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(content), response_headers=headers)
    bozo = bool(parsed.get("bozo"))
    exc = parsed.get("bozo_exception")
    message = f"{type(exc).__name__}: {exc}" if bozo and exc else ""
    if not parsed.entries:
        if parsed.get("version") and (not bozo or isinstance(exc, BENIGN_BOZO)):
            pass  # a valid, empty feed
        else:
            raise FeedParseError(
                "Not a readable RSS or Atom feed"
                + (f" ({message})" if message else "")
                + ": check that the URL points at the feed itself, not a web page."
            )
    now = now or datetime.now(UTC)
    warnings = []
    entries = []
    for raw in parsed.entries:
        entry = _entry(raw, url, tz_name, now)
        if not (entry.link or entry.guid or entry.summary or entry.title != "(untitled)"):
            warnings.append("An entry with no title, link, GUID or text was skipped.")
            continue
        entries.append(entry)
    ttl = parsed.feed.get("ttl")
    if bozo and entries and not isinstance(exc, BENIGN_BOZO):
        warnings.append(f"The feed is not well-formed; read it leniently ({message}).")
    return ParsedFeed(
        title=plain_text(parsed.feed.get("title", ""))[:255],
        link=_http_url(parsed.feed.get("link", ""), url),
        entries=entries,
        ttl_minutes=min(int(ttl), MAX_TTL_MINUTES) if str(ttl or "").isdigit() else None,
        bozo=bozo,
        bozo_message=message,
        warnings=warnings,
    )
