"""Count a read and rank articles by reads, with nothing stored about the reader.

A read counts at most once per client per article per hour, and at most
``SILKWIRE_STATS_READS_PER_ADDRESS_HOUR`` reads count per address per hour, so that one
client (or one machine with many user agents) cannot move the ranking. A client is a
keyed hash of its address and user agent under a salt that changes every day and is never
written to disk: the short-lived keys in Django's cache cannot be turned back into an
address, and nothing links one day's readers to the next's.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from silkwire.stats.models import ArticleHourlyViews

WINDOWS = {"24h": timedelta(hours=24), "7d": timedelta(days=7)}
RETENTION = timedelta(days=35)  # most-read needs 7 days; a month is kept for the newsroom
RANKING_CACHE_SECONDS = 600  # refresh_rankings() recomputes them every REFRESH_SECONDS
REFRESH_SECONDS = 300
PAGE_CACHE_GROUP = "most-read"  # what pages showing a ranking declare to the page cache

SEEN_SECONDS = 3600  # one read per client per article in this long
logger = logging.getLogger(__name__)

# Crawlers, link previews, monitors and HTTP libraries are not readers. Matched, never stored.
_BOTS = re.compile(
    r"bot\b|bot/|bot;|crawl|spider|slurp|preview|facebookexternalhit|facebookcatalog|embedly|"
    r"monitor|uptime|pingdom|statuscake|curl|wget|python|httpx|aiohttp|go-http-client|java/|"
    r"okhttp|axios|node-fetch|undici|libwww|scrapy|headless|phantomjs|selenium|puppeteer|"
    r"playwright|lighthouse|feedfetcher|yandex|baidu|bingpreview|semrush|ahrefs|mj12|petalbot|"
    r"bytespider|gptbot|ccbot|claude|perplexity|applebot|whatsapp|telegram|skypeuripreview|"
    r"vkshare|discord|slack|linkedin|pinterest|outbrain|flipboard|nuzzel|qwant|duckduck",
    re.IGNORECASE,
)


def is_reader(user_agent: str, headers) -> bool:
    """Tell a person's browser from a bot or a speculative prefetch/prerender."""
    if not user_agent or _BOTS.search(user_agent):
        return False
    purpose = " ".join(
        headers.get(name) or "" for name in ("Sec-Purpose", "Purpose", "X-Moz", "X-Purpose")
    ).lower()
    return "prefetch" not in purpose and "prerender" not in purpose and "preview" not in purpose


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=12).hexdigest()


def _daily_salt(moment: datetime) -> str:
    day = moment.astimezone(UTC).strftime("%Y%m%d")
    return cache.get_or_set(f"stats:salt:{day}", secrets.token_hex(16), 2 * 86400)


def admit(address: str, user_agent: str, page_id: int, now: datetime | None = None) -> bool:
    """Say whether this read counts (and remember that it did), per the rules above."""
    from silkwire.core.clientip import address_key

    moment = now or timezone.now()
    try:
        salt = _daily_salt(moment)
        client = _digest(salt, address, user_agent)
        if not cache.add(f"stats:seen:{client}:{page_id}", 1, SEEN_SECONDS):
            return False
        per_address = f"stats:addr:{_digest(salt, address_key(address))}:{hour_of(moment):%H}"
        cache.add(per_address, 0, SEEN_SECONDS + 60)
        limit = getattr(settings, "SILKWIRE_STATS_READS_PER_ADDRESS_HOUR", 30)
        return cache.incr(per_address) <= limit
    except Exception:  # noqa: BLE001 - a cache outage loses counts, never the page
        logger.warning("read counter: cache unavailable, read not counted", exc_info=True)
        return False


def hour_of(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def count_view(page_id: int, now: datetime | None = None) -> None:
    """Add one view of ``page_id`` to the current hour's row (atomic on SQLite and PostgreSQL)."""
    hour = hour_of(now or timezone.now())
    rows = ArticleHourlyViews.objects.filter(page_id=page_id, hour=hour)
    if rows.update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            ArticleHourlyViews.objects.create(page_id=page_id, hour=hour, views=1)
    except IntegrityError:  # another request created the row first
        rows.update(views=F("views") + 1)


def most_read_ids(window: str, country=None, limit: int = 5, now: datetime | None = None):
    """Return the ids of the most-read live articles in ``window``, optionally in ``country``."""
    from silkwire.news.models import ArticlePage

    since = hour_of(now or timezone.now()) - WINDOWS[window] + timedelta(hours=1)
    live = ArticlePage.objects.live().public()
    if country is not None:
        through = ArticlePage.other_countries.through
        live = live.filter(
            Q(path__startswith=country.path, depth=country.depth + 1)
            | Q(pk__in=through.objects.filter(countrypage_id=country.pk).values("articlepage_id"))
        )
    return list(
        ArticleHourlyViews.objects.filter(hour__gte=since, page_id__in=live.values("pk"))
        .values("page_id")
        .annotate(total=Sum("views"))
        .order_by("-total", "-page_id")
        .values_list("page_id", flat=True)[:limit]
    )


def _key(window: str, country, limit: int) -> str:
    return f"stats:most-read:{window}:{getattr(country, 'pk', 'all')}:{limit}"


def ranking(window: str, country=None, limit: int = 5) -> list[int]:
    """Return the ids of the most-read articles (cached between refreshes)."""
    key = _key(window, country, limit)
    ids = cache.get(key)
    if ids is None:
        ids = most_read_ids(window, country, limit)
        cache.set(key, ids, RANKING_CACHE_SECONDS)
    return ids


def most_read_lists(country=None, limit: int = 5) -> dict[str, list]:
    """Return the most-read articles of every window, loaded with one query."""
    from silkwire.news.models import ArticlePage

    rankings = {window: ranking(window, country, limit) for window in WINDOWS}
    wanted = {pk for ids in rankings.values() for pk in ids}
    if not wanted:
        return {window: [] for window in WINDOWS}
    found = {
        a.pk: a
        for a in ArticlePage.objects.live().public().filter(pk__in=wanted).defer_streamfields()
    }
    return {window: [found[pk] for pk in ids if pk in found] for window, ids in rankings.items()}


def most_read(window: str, country=None, limit: int = 5) -> list:
    """Return the most-read articles of one window."""
    return most_read_lists(country, limit)[window]


def refresh_rankings(limit: int = 5) -> bool:
    """Recompute every ranking; when one changed, invalidate the cached pages that show them.

    Pages with a "Most read" block declare ``most-read`` to the page cache, so a changed
    ranking reaches readers within ``REFRESH_SECONDS`` although the pages stay cached.
    """
    from silkwire.news.models import CountryPage

    snapshot = {}
    for country in [None, *CountryPage.objects.live().order_by("path")]:
        for window in WINDOWS:
            ids = most_read_ids(window, country, limit)
            cache.set(_key(window, country, limit), ids, RANKING_CACHE_SECONDS)
            snapshot[_key(window, country, limit)] = ids
    changed = cache.get("stats:most-read:snapshot") != snapshot
    cache.set("stats:most-read:snapshot", snapshot, None)
    if changed:
        from silkwire.core.pagecache import invalidate

        invalidate({PAGE_CACHE_GROUP})
    return changed


def prune(now: datetime | None = None) -> int:
    """Delete counts older than the retention period; return how many rows went."""
    cutoff = hour_of(now or timezone.now()) - RETENTION
    deleted, _ = ArticleHourlyViews.objects.filter(hour__lt=cutoff).delete()
    return deleted
