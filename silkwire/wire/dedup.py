"""Entry identity within a feed and story keys across feeds. Pure.

Within a feed (docs/import-notes.md B.1 §3, B.3, B.4): an entry is identified by its GUID, else its
canonical link, else a hash of link + date + title. A feed whose GUIDs are broken (more empty
or duplicated than FreshRSS tolerates: 5 %, rounded half up) is switched to "link" for good,
and one whose links are broken too to "link + date + title" — unless an operator pinned it.

Across feeds the same story from two outlets stays two items, grouped by the normalised
canonical URL, else by the normalised title within a time window (see ``grouping``).
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

if TYPE_CHECKING:
    from silkwire.wire.feeds import FeedEntry

GUID = "guid"
LINK = "link"
LINK_DATE_TITLE = "link_date_title"
UNICITY_CHOICES = [
    (GUID, "GUID (then link, then link + date + title)"),
    (LINK, "Link (then link + date + title)"),
    (LINK_DATE_TITLE, "Link + date + title"),
]
_ORDER = [GUID, LINK, LINK_DATE_TITLE]

# Query parameters that track the reader and never change the story.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|yclid|mc_[ce]id|_ga|ref|from|rss|amp)$", re.I)
# A trailing "— Source" / "| Outlet" on a headline.
_TITLE_SUFFIX = re.compile(r"\s+[|—–-]\s+[^|—–-]{2,40}$")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def tolerated_invalid(count: int) -> int:
    """FreshRSS: 0 invalid GUIDs tolerated for up to 9 entries, 1 for 10, 2 for 30, …"""
    return math.floor(0.05 * count + 0.5)


def _invalid(values: Sequence[str]) -> int:
    """Count empty values and every repeat of a value."""
    empty = sum(1 for v in values if not v)
    repeats = sum(n - 1 for v, n in Counter(v for v in values if v).items() if n > 1)
    return empty + repeats


def degrade_unicity(entries: Sequence[FeedEntry], current: str, *, forced: bool = False) -> str:
    """Return the identity rule to use for this feed from now on (it never upgrades)."""
    if forced or not entries:
        return current
    allowed = tolerated_invalid(len(entries))
    rule = current
    if rule == GUID and _invalid([e.guid for e in entries]) > allowed:
        rule = LINK
    if rule == LINK and _invalid([e.canonical_link for e in entries]) > allowed:
        rule = LINK_DATE_TITLE
    return rule


def _date_text(entry: FeedEntry) -> str:
    return entry.published.isoformat() if entry.published else entry.date_raw


def identity(entry: FeedEntry, rule: str) -> str:
    """Return the identity string of ``entry`` under ``rule`` (before hashing)."""
    start = _ORDER.index(rule) if rule in _ORDER else 0
    for step in _ORDER[start:]:
        if step == GUID and entry.guid:
            return f"guid:{entry.guid}"
        if step == LINK and entry.canonical_link:
            # Normalised, so rotating tracking parameters do not make a new item.
            return f"link:{normalise_url(entry.canonical_link)}"
        if step == LINK_DATE_TITLE:
            break
    return f"ldt:{entry.link}|{_date_text(entry)}|{entry.title}"


def entry_keys(entries: Sequence[FeedEntry], rule: str) -> list[str]:
    """Return one stable external id (sha256 hex) per entry, unique within this fetch.

    A later entry that repeats an earlier identity is told apart by its link, then by
    its title (Miniflux keeps the first occurrence's key stable and disambiguates later ones).
    """
    keys: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        base = identity(entry, rule)
        candidates = [base, f"{base}|{entry.link}", f"{base}|{entry.link}|{entry.title}"]
        key = next((sha256(c) for c in candidates if sha256(c) not in seen), None)
        if key is None:
            key = sha256(f"{base}|{entry.link}|{entry.title}|{len(keys)}")
        seen.add(key)
        keys.append(key)
    return keys


def content_hash(entry: FeedEntry) -> str:
    """Return a hash of what an editor sees, to notice edits to an entry already stored."""
    return sha256("\x1f".join([entry.title, entry.summary, entry.link]))


def normalise_url(url: str) -> str:
    """Return ``url`` reduced to what identifies the story (for grouping across feeds).

    https and http are the same, "www." and a trailing slash are dropped, the fragment and
    tracking parameters go, the remaining query is sorted.
    """
    if not url:
        return ""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    path = re.sub(r"/(amp|index\.html?)$", "", path) or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k))
    return urlunsplit(("https", host, path, urlencode(query), ""))


def title_key(title: str, source_name: str = "") -> str:
    """Return a headline reduced for comparison: case, punctuation, spacing, "ё".

    A trailing "— Source" is dropped only when it names ``source_name`` (aggregator feeds
    append the outlet), never in general: "Kazakhstan - Uzbekistan talks" must stay whole.
    """
    text = unicodedata.normalize("NFKC", title or "").casefold()
    suffix = _TITLE_SUFFIX.search(text)
    if suffix and source_name and _squash(suffix.group()) == _squash(source_name):
        text = text[: suffix.start()]
    text = text.replace("ё", "е")
    text = "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text)
    return " ".join(text.split())


def _squash(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())
