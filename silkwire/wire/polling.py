"""Polling feeds: fetch (safe client, conditional GET) → parse → dedup → store → schedule.

Failures never raise out of :func:`poll_feed`: they are recorded on the feed, which backs
off exponentially and is disabled after ``SILKWIRE_WIRE_ERROR_LIMIT`` consecutive failures.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from silkwire.core.http import FetchError, fetch
from silkwire.ingest.countries import countries_for, detect_slugs
from silkwire.wire import schedule
from silkwire.wire.dedup import (
    content_hash,
    degrade_unicity,
    entry_keys,
    normalise_url,
    sha256,
    title_key,
)
from silkwire.wire.feeds import FeedEntry, FeedParseError, parse_feed
from silkwire.wire.models import Feed, StoryGroup, WireItem, WireTombstone
from silkwire.wire.stories import assign_story

log = logging.getLogger(__name__)

# docs/import-notes.md B.1 §1: update the stored URL after 3 consecutive identical permanent redirects.
MOVED_CONFIRMATIONS = 3

FEED_MEDIA_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)


@dataclass
class PollResult:
    feed_id: int
    feed: str
    outcome: str  # new | unchanged | not_modified | error | rate_limited | disabled
    http_status: int | None = None
    entries: int = 0
    new: int = 0
    updated: int = 0
    skipped: int = 0  # dismissed or older than the retention period
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    next_check_at: datetime | None = None

    def as_dict(self) -> dict:
        data = asdict(self)
        data["next_check_at"] = self.next_check_at.isoformat() if self.next_check_at else None
        return data


def _conditional_headers(feed: Feed) -> dict[str, str]:
    headers = {"Accept": ", ".join(FEED_MEDIA_TYPES) + ", */*;q=0.5"}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return headers


def entries_last_week(feed: Feed, now: datetime) -> int:
    return feed.items.filter(sort_at__gte=now - timedelta(days=7)).count()


def record_error(
    feed: Feed,
    message: str,
    *,
    now: datetime,
    http_status: int | None = None,
    retry_after: timedelta | None = None,
    count: bool = True,
) -> PollResult:
    """Record a failed poll: back off, and disable the feed after too many in a row."""
    if count:
        feed.error_count += 1
    feed.last_error = message[:2000]
    feed.last_checked_at = now
    feed.last_status = http_status
    feed.next_check_at = schedule.after_error(
        consecutive_errors=max(1, feed.error_count), retry_after_delay=retry_after, now=now
    )
    outcome = "rate_limited" if not count else "error"
    if feed.error_count >= settings.SILKWIRE_WIRE_ERROR_LIMIT and feed.disabled_at is None:
        feed.disabled_at = now
        outcome = "disabled"
        log.warning(
            "Wire feed %s (%s) disabled after %d consecutive failures; last: %s",
            feed.pk,
            feed.url,
            feed.error_count,
            message,
        )
    feed.save()
    return PollResult(
        feed.pk,
        feed.name,
        outcome,
        http_status=http_status,
        error=message,
        next_check_at=feed.next_check_at,
    )


def note_move(feed: Feed, response) -> str:
    """Follow a feed that moved for good: adopt the new URL after repeated 301/308s.

    Returns a message when the URL was changed (the caller saves the feed).
    """
    if not response.moved_permanently or response.url == feed.url:
        feed.moved_to, feed.moved_count = "", 0
        return ""
    if feed.moved_to == response.url:
        feed.moved_count += 1
    else:
        feed.moved_to, feed.moved_count = response.url, 1
    if feed.moved_count < MOVED_CONFIRMATIONS:
        return ""
    if Feed.objects.filter(url=response.url).exclude(pk=feed.pk).exists():
        return f"The feed moved to {response.url}, which is already followed as another feed."
    old, feed.url = feed.url, response.url
    feed.moved_to, feed.moved_count = "", 0
    log.info("Wire feed %s moved permanently: %s → %s", feed.pk, old, feed.url)
    return f"The feed moved permanently; its URL is now {feed.url} (was {old})."


def poll_feed(feed: Feed, *, now: datetime | None = None, **fetch_options) -> PollResult:
    """Poll one feed now. ``fetch_options`` go to :func:`silkwire.core.http.fetch` (tests)."""
    now = now or timezone.now()
    try:
        response = fetch(feed.url, kind="feed", headers=_conditional_headers(feed), **fetch_options)
    except FetchError as exc:
        return record_error(feed, f"{type(exc).__name__}: {exc}", now=now)

    moved = note_move(feed, response)
    status = response.status
    if status == 304:
        feed.last_checked_at = feed.last_success_at = now
        feed.last_status, feed.error_count, feed.last_error = 304, 0, ""
        feed.disabled_at = None
        feed.next_check_at = schedule.after_success(
            entries_last_week=entries_last_week(feed, now),
            headers=response.headers,
            ttl_minutes=feed.ttl_minutes,
            now=now,
        )
        feed.save()
        return PollResult(feed.pk, feed.name, "not_modified", 304, next_check_at=feed.next_check_at)
    if status in (429, 503):
        delay = schedule.retry_after(response.headers.get("retry-after"), now)
        return record_error(
            feed,
            f"HTTP {status}" + (f"; Retry-After {delay}" if delay is not None else ""),
            now=now,
            http_status=status,
            retry_after=delay,
            count=delay is None,
        )
    if status != 200:
        return record_error(feed, f"HTTP {status} from {response.url}", now=now, http_status=status)
    try:
        parsed = parse_feed(
            response.content,
            url=response.url,
            content_type=response.headers.get("content-type", ""),
            tz_name=feed.timezone,
            now=now,
        )
    except FeedParseError as exc:
        return record_error(feed, str(exc), now=now, http_status=status)

    result = PollResult(feed.pk, feed.name, "unchanged", status, entries=len(parsed.entries))
    if moved:
        result.warnings.append(moved)
    result.warnings.extend(parsed.warnings)
    rule = degrade_unicity(parsed.entries, feed.unicity, forced=feed.unicity_forced)
    previous_keys = None
    if rule != feed.unicity:
        result.warnings.append(f"Entry identity degraded from {feed.unicity} to {rule}.")
        log.info("Wire feed %s: unicity %s → %s", feed.pk, feed.unicity, rule)
        # Items stored under the old rule are found by their old keys and re-keyed.
        previous_keys = entry_keys(parsed.entries, feed.unicity)
        feed.unicity = rule
    store_entries(
        feed,
        parsed.entries,
        entry_keys(parsed.entries, rule),
        now=now,
        result=result,
        previous_keys=previous_keys,
    )

    feed.etag = response.headers.get("etag", "")[:500]
    feed.last_modified = response.headers.get("last-modified", "")[:100]
    feed.ttl_minutes = parsed.ttl_minutes
    if not feed.site_url and parsed.link:
        feed.site_url = parsed.link
    if (not feed.name or feed.name == feed.url) and parsed.title:
        feed.name = parsed.title[:200]
    feed.last_checked_at = feed.last_success_at = now
    feed.last_status, feed.error_count, feed.last_error = status, 0, ""
    feed.disabled_at = None  # a disabled feed is only polled when an operator asks
    feed.next_check_at = schedule.after_success(
        entries_last_week=entries_last_week(feed, now),
        headers=response.headers,
        ttl_minutes=parsed.ttl_minutes,
        now=now,
    )
    feed.save()
    result.next_check_at = feed.next_check_at
    if result.new:
        result.outcome = "new"
    return result


def store_entries(
    feed: Feed,
    entries: list[FeedEntry],
    keys: list[str],
    *,
    now: datetime,
    result: PollResult,
    previous_keys: list[str] | None = None,
) -> None:
    """Create new items, refresh ones already seen, never resurrect dismissed ones."""
    cutoff = now - timedelta(days=settings.SILKWIRE_WIRE_RETENTION_DAYS)
    old_keys = previous_keys or keys
    lookup = set(keys) | set(old_keys)
    existing = {i.external_id: i for i in feed.items.filter(external_id__in=lookup)}
    by_link: dict[str, WireItem] = {}
    if previous_keys is not None:
        # The identity rule changed: GUIDs may have changed too, so items already stored
        # are also recognised by their link (unique enough: that is why we switched).
        links = [e.link for e in entries if e.link]
        for stored in feed.items.filter(link__in=links).order_by("first_seen_at"):
            by_link.setdefault(stored.link, stored)
    buried = set(
        WireTombstone.objects.filter(feed=feed, external_id__in=lookup).values_list(
            "external_id", flat=True
        )
    )
    unchanged: list[int] = []
    for entry, key, old_key in zip(entries, keys, old_keys, strict=True):
        item = existing.get(key) or existing.get(old_key) or by_link.get(entry.link)
        if key in buried or old_key in buried or (item is not None and item.dismissed_at):
            if key not in buried:
                WireTombstone.objects.get_or_create(feed=feed, external_id=key)
            result.skipped += 1
            continue
        if item is not None:
            if item.external_id != key and not feed.items.filter(external_id=key).exists():
                item.external_id = key
                item.save(update_fields=["external_id"])
            if not _refresh(item, entry, feed, now, result):
                unchanged.append(item.pk)
            continue
        if entry.published is not None and entry.published < cutoff:
            result.skipped += 1
            continue
        with transaction.atomic():
            _create(feed, entry, key, now)
        result.new += 1
    # Still in the feed: keeps them from retention pruning (one UPDATE, not one per item).
    WireItem.objects.filter(pk__in=unchanged).update(last_seen_at=now)


def _title_fields(entry: FeedEntry, feed: Feed) -> dict:
    key = title_key(entry.title, feed.name)
    return {"title_key": key[:1000], "title_hash": sha256(key) if key else ""}


def _create(feed: Feed, entry: FeedEntry, key: str, now: datetime) -> WireItem:
    url = normalise_url(entry.canonical_link)
    item = WireItem.objects.create(
        feed=feed,
        external_id=key,
        guid=entry.guid[:2000],
        title=entry.title,
        summary=entry.summary,
        link=entry.link[:2000],
        author=entry.author,
        published=entry.published,
        date_missing=entry.published is None,
        sort_at=entry.published or now,
        first_seen_at=now,
        last_seen_at=now,
        content_hash=content_hash(entry),
        url_key=sha256(url) if url else "",
        **_title_fields(entry, feed),
    )
    slugs = detect_slugs(f"{entry.title}\n{entry.summary}")
    detected = countries_for(slugs)
    if detected:
        item.country_slugs = [c.slug for c in detected]
        item.save(update_fields=["country_slugs"])
        item.countries.set(detected)
    assign_story(item)
    return item


def _refresh(
    item: WireItem, entry: FeedEntry, feed: Feed, now: datetime, result: PollResult
) -> bool:
    """Apply an edited entry to its item; return False when nothing changed."""
    new_hash = content_hash(entry)
    if new_hash == item.content_hash:
        return False
    item.title, item.summary, item.link = entry.title, entry.summary, entry.link[:2000]
    item.content_hash = new_hash
    item.last_seen_at = now
    for name, value in _title_fields(entry, feed).items():
        setattr(item, name, value)
    fields = ["title", "summary", "link", "content_hash", "title_key", "title_hash"]
    item.save(update_fields=[*fields, "last_seen_at"])
    result.updated += 1
    return True


def poll_due_feeds(
    *, limit: int = 50, budget_seconds: float = 45, now: datetime | None = None
) -> list[PollResult]:
    """Poll the feeds whose time has come (the ``wire.poll`` job), most overdue first.

    Stops after ``budget_seconds`` so one run never holds up the scheduler's other jobs
    for long; feeds left over are still due and go first next minute.
    """
    now = now or timezone.now()
    feeds = Feed.objects.due(now).order_by("next_check_at", "pk")[:limit]
    return poll_feeds(feeds, budget_seconds=budget_seconds)


def poll_feeds(feeds, *, budget_seconds: float | None = None) -> list[PollResult]:
    """Poll ``feeds`` in order; an unexpected error is recorded on its feed, never raised.

    With ``budget_seconds``, stop starting new polls once that much time has passed.
    """
    started = time.monotonic()
    results = []
    for feed in feeds:
        if budget_seconds is not None and time.monotonic() - started > budget_seconds:
            break
        try:
            results.append(poll_feed(feed))
        except Exception as exc:  # a bug of ours: one broken feed must not stop the others
            log.exception("Polling wire feed %s failed", feed.pk)
            results.append(record_error(feed, f"Internal error: {exc!r}", now=timezone.now()))
    return results


def prune(*, now: datetime | None = None) -> int:
    """Delete items past the retention period that their feed no longer carries."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SILKWIRE_WIRE_RETENTION_DAYS)
    old = WireItem.objects.filter(sort_at__lt=cutoff, last_seen_at__lt=now - timedelta(days=1))
    deleted, _ = old.delete()
    StoryGroup.objects.filter(items__isnull=True).delete()
    return deleted
